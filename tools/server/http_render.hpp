// POST /render (and GET /render?...): a statement's answer drawn as SVG by ergo's own renderer
// (ergo/render.hpp, Graphviz in process), for the web page's diagram and
// for any HTTP client. The body is the Query API's ({"statement",
// "parameters"}) plus "layout" and "korean". No sockets here.
//
// The renderer escapes every name, property and label it draws
// (docs/rendering.md, "Escaping"), so data cannot add markup to the SVG.
#pragma once

#include <ergo/ergo.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "tools/server/http_request.hpp"

namespace ergo::server {

// 200 with the SVG (image/svg+xml), or an error in the Query API's form:
// 400 for a malformed request, a failed query or a bad layout, 400 with
// Neo.ClientError.Statement.AccessMode for a statement that may write (the
// diagram runs it again, and a write must not happen twice), 501 when this
// build has no Graphviz. `log` gets one line per failure.
HttpReply answer_render(ergo::Database& db, std::string_view body,
                        const std::function<void(const std::string&)>& log);

// GET /render?statement=...&parameters=...&layout=...&korean=true: the same
// from a URL, so that an <img src>, a Markdown image or `curl URL > a.svg`
// can show an answer. Every value is percent-encoded ('+' is a space);
// `parameters` is a JSON object. `target` is the whole request target.
HttpReply answer_render_url(ergo::Database& db, std::string_view target,
                            const std::function<void(const std::string&)>& log);

}  // namespace ergo::server
