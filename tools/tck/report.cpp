// Printing and counting verdicts (see report.hpp).
#include "tools/tck/report.hpp"

#include <fstream>

namespace ergo::tck {
namespace {

std::string folder_of(const std::string& feature) {
  std::size_t slash = feature.rfind('/');
  return slash == std::string::npos ? "." : feature.substr(0, slash);
}

std::string indent(const std::string& text) {
  std::string out = "    ";
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += "    ";
  }
  if (out.back() != '\n') out += '\n';
  return out;
}

}  // namespace

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

void Reporter::count(const std::string& feature, Status status) {
  Counts& folder = folders_[folder_of(feature)];
  for (Counts* c : {&totals_, &folder}) {
    if (status == Status::pass) ++c->passed;
    else if (status == Status::fail) ++c->failed;
    else ++c->skipped;
  }
}

void Reporter::scenario(const std::string& feature, const std::string& name, const Outcome& outcome) {
  count(feature, outcome.status);
  std::string line = std::string(status_name(outcome.status)) + "  " + feature + "  " + name;
  if (outcome.status != Status::pass && !outcome.reason.empty()) line += " — " + first_line(outcome.reason);
  out_ << line << '\n';
  if (outcome.status == Status::fail) {
    failures_.push_back(line.substr(6));
    if (verbose_) {
      std::string more = outcome.reason.find('\n') != std::string::npos ? outcome.reason + "\n" : "";
      more += outcome.details;
      if (!more.empty()) out_ << indent(more);
    }
  }
  if (outcome.error_phase || outcome.error_detail) {
    ++errors_judged_;
    if (outcome.error_phase == Check::matched) ++phase_matched_;
    if (outcome.error_detail == Check::matched) ++detail_matched_;
  }
  out_.flush();
}

void Reporter::feature_error(const std::string& feature, const std::string& what) {
  Outcome o;
  o.status = Status::fail;
  o.reason = what;
  scenario(feature, "(whole feature)", o);
}

void Reporter::print_folder_summary() {
  out_ << "\n| folder | scenarios | passed | failed | skipped | pass rate |\n"
       << "|---|---:|---:|---:|---:|---:|\n";
  auto row = [this](const std::string& name, const Counts& c) {
    std::size_t total = c.passed + c.failed + c.skipped;
    std::string rate = total ? std::to_string((c.passed * 1000 / total + 5) / 10) + "%" : "—";
    out_ << "| " << name << " | " << total << " | " << c.passed << " | " << c.failed << " | " << c.skipped << " | "
         << rate << " |\n";
  };
  for (const auto& [folder, c] : folders_) row(folder, c);
  row("**total**", totals_);
  out_ << '\n';
}

void Reporter::print_error_statistics() {
  if (errors_judged_ == 0) return;
  out_ << "expected errors raised with the right type: " << errors_judged_ << "; phase matched in " << phase_matched_
       << ", detail code matched in " << detail_matched_ << '\n';
}

void Reporter::print_totals() {
  out_ << totals_.passed << " passed, " << totals_.failed << " failed, " << totals_.skipped << " skipped\n";
  out_.flush();
}

bool Reporter::write_failures(const std::string& file) const {
  std::ofstream f(file);
  if (!f) return false;
  for (const std::string& line : failures_) f << line << '\n';
  return static_cast<bool>(f);
}

}  // namespace ergo::tck
