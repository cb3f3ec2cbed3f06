#include "tools/server/tls_stream.hpp"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <fstream>
#include <stdexcept>

namespace ergo::server {

std::shared_ptr<boost::asio::ssl::context> TlsStream::plain_context() {
  static const auto context = std::make_shared<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server);
  return context;
}

std::shared_ptr<boost::asio::ssl::context> tls_server_context(const std::string& certificate_file,
                                                              const std::string& key_file) {
  namespace ssl = boost::asio::ssl;
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  // TLS 1.2 and 1.3 only, as the current drivers and browsers speak them.
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  const auto use = [](const std::string& what, const std::string& file, auto load) {
    if (!std::ifstream(file)) throw std::runtime_error(what + " " + file + ": cannot read the file");
    boost::system::error_code ec;
    load(ec);
    if (ec) throw std::runtime_error(what + " " + file + ": " + ec.message() + " (a PEM file is expected)");
  };
  use("--tls-cert", certificate_file, [&](auto& ec) { context->use_certificate_chain_file(certificate_file, ec); });
  use("--tls-key", key_file, [&](auto& ec) {
    context->use_private_key_file(key_file, ssl::context::pem, ec);
    // OpenSSL checks the key against the certificate as it loads it.
    if (ec && ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH) {
      throw std::runtime_error("--tls-key " + key_file + " is not the private key of the certificate in " +
                               certificate_file);
    }
  });
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    ERR_clear_error();
    throw std::runtime_error("--tls-key " + key_file + " is not the private key of the certificate in " +
                             certificate_file);
  }
  return context;
}

}  // namespace ergo::server
