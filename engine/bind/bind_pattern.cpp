// Binding patterns (MATCH, OPTIONAL MATCH, pattern predicates and
// comprehensions): each comma-separated part starts at its cheapest node —
// one already bound, one found by name through the index, the rarest label,
// or a full scan — and expands outwards in both directions from there.
#include <algorithm>

#include "engine/bind/binder_impl.hpp"
#include "engine/plan/subplan_exprs.hpp"
#include "grammar/text/suggest.hpp"

namespace ergo::bind {
namespace {

std::vector<std::string> names_of(const std::vector<ast::SchemaName>& names) {
  std::vector<std::string> out;
  for (const ast::SchemaName& n : names) out.push_back(n.name);
  return out;
}

plan::Direction direction_of(ast::Direction d, bool reversed) {
  switch (d) {
    case ast::Direction::Outgoing: return reversed ? plan::Direction::in : plan::Direction::out;
    case ast::Direction::Incoming: return reversed ? plan::Direction::out : plan::Direction::in;
    default: return plan::Direction::both;
  }
}

// The `name` entry of a node pattern's property map, if it has one.
const ast::Expression* name_property(const ast::NodePattern& np) {
  if (!np.properties) return nullptr;
  const ast::MapLiteral* map = ast::get_if<ast::MapLiteral>(*np.properties);
  if (!map) return nullptr;
  for (const ast::MapEntry& e : map->entries) {
    if (e.key.name == "name") return &e.value;
  }
  return nullptr;
}

class PatternBinder {
 public:
  PatternBinder(Binder& b, Scope& scope, std::vector<std::size_t>& introduced, bool predicate_only,
                std::vector<Binder::PendingFilter>* pending)
      : b_(b), scope_(scope), introduced_(introduced), predicate_only_(predicate_only), pending_(pending) {}

  // Filters by every pending WHERE conjunct whose variables are all bound
  // now, in the order they were written.
  void apply_ready(OperatorPtr& op) {
    if (!pending_) return;
    for (auto it = pending_->begin(); it != pending_->end();) {
      bool ready = std::all_of(it->variables.begin(), it->variables.end(),
                               [&](const std::string& v) { return scope_.find(v) != nullptr; });
      if (!ready) {
        ++it;
        continue;
      }
      op = std::make_unique<plan::Filter>(std::move(op), b_.predicate(*it->condition, scope_));
      it = pending_->erase(it);
    }
  }

  OperatorPtr part(const ast::PatternPart& p, OperatorPtr op) {
    if (p.path_variable && scope_.find(p.path_variable->name)) {
      fail_rebound(*p.path_variable);
    }
    if (p.selector != ast::PathSelector::None) return shortest(p, std::move(op));
    path_named_ = p.path_variable.has_value();

    const ast::PatternElement& el = p.element;
    const std::size_t count = el.links.size() + 1;
    auto node_at = [&](std::size_t i) -> const ast::NodePattern& { return i == 0 ? el.start : el.links[i - 1].node; };

    std::size_t anchor = choose_anchor(count, node_at);
    std::vector<std::size_t> node_slots(count), rel_slots(el.links.size());
    std::vector<bool> rel_is_list(el.links.size());
    node_slots[anchor] = node(node_at(anchor), op, true);
    apply_ready(op);
    for (std::size_t i = anchor; i + 1 < count; ++i) {
      auto [rel, list] = hop(el.links[i].relationship, false, node_slots[i], node_at(i + 1), op);
      node_slots[i + 1] = last_node_;
      rel_slots[i] = rel;
      rel_is_list[i] = list;
      apply_ready(op);
    }
    for (std::size_t i = anchor; i-- > 0;) {
      auto [rel, list] = hop(el.links[i].relationship, true, node_slots[i + 1], node_at(i), op);
      node_slots[i] = last_node_;
      rel_slots[i] = rel;
      rel_is_list[i] = list;
      apply_ready(op);
    }

    if (p.path_variable) {
      std::vector<expr::PathBuild::Element> elements{{expr::PathBuild::Element::Kind::node, node_slots[0]}};
      for (std::size_t i = 0; i < el.links.size(); ++i) {
        elements.push_back({rel_is_list[i] ? expr::PathBuild::Element::Kind::relationship_list
                                           : expr::PathBuild::Element::Kind::relationship,
                            rel_slots[i]});
        elements.push_back({expr::PathBuild::Element::Kind::node, node_slots[i + 1]});
      }
      op = bind_path(*p.path_variable, std::make_unique<expr::PathBuild>(span(p.span), std::move(elements)), std::move(op));
      apply_ready(op);
    }
    return op;
  }

 private:
  [[noreturn]] void fail_rebound(const ast::Variable& v) {
    b_.fail(v.span, ErrorKind::syntax_error, "VariableAlreadyBound", "variable '" + v.name + "' is already defined");
  }

  OperatorPtr bind_path(const ast::Variable& v, ExprPtr build, OperatorPtr op) {
    if (scope_.find(v.name)) fail_rebound(v);  // e.g. p = (p)-->()
    std::size_t slot = b_.new_slot();
    auto project = std::make_unique<plan::Project>(std::move(op));
    project->items.emplace_back(slot, std::move(build));
    scope_.add({v.name, slot, VarKind::path});
    introduced_.push_back(slot);
    return project;
  }

  template <class NodeAt>
  std::size_t choose_anchor(std::size_t count, NodeAt node_at) {
    auto bound = [&](const ast::NodePattern& np) {
      return np.variable && scope_.find(np.variable->name);
    };
    for (std::size_t i = 0; i < count; ++i) {
      if (bound(node_at(i))) return i;
    }
    for (std::size_t i = 0; i < count; ++i) {
      if (name_property(node_at(i))) return i;
    }
    const store::Graph& g = b_.input().graph;
    std::size_t best = 0, best_size = SIZE_MAX;
    for (std::size_t i = 0; i < count; ++i) {
      for (const ast::SchemaName& l : node_at(i).labels) {
        auto id = g.labels().find(l.name);
        std::size_t size = id ? g.nodes_with_label(*id).size() : 0;
        if (size < best_size) {
          best = i;
          best_size = size;
        }
      }
    }
    return best;
  }

  // The slot of a node pattern's variable: an existing one, or a new one
  // (named or anonymous). Sets fresh_.
  std::size_t node_slot(const ast::NodePattern& np) {
    fresh_ = true;
    if (!np.variable) return b_.new_slot();
    if (const Variable* v = scope_.find(np.variable->name)) {
      // A value (from WITH or UNWIND) may hold a node; that is checked when it runs.
      if (v->kind != VarKind::node && v->kind != VarKind::value) {
        b_.fail(np.variable->span, ErrorKind::syntax_error, "VariableTypeConflict",
                "'" + np.variable->name + "' is not a node here");
      }
      fresh_ = false;
      return v->slot;
    }
    if (predicate_only_) {
      b_.fail(np.variable->span, ErrorKind::syntax_error, "UndefinedVariable",
              "variable '" + np.variable->name + "' is not defined (a pattern predicate cannot introduce new variables)");
    }
    std::size_t slot = b_.new_slot();
    scope_.add({np.variable->name, slot, VarKind::node});
    introduced_.push_back(slot);
    return slot;
  }

  // ", did you mean :Company?" when a known name is a plausible typo of
  // `name`: the warning is usually a misspelling, and the query finds nothing.
  template <typename Id>
  static std::string suggestion(const store::Interner<Id>& names, const std::string& name) {
    std::vector<std::string> known;
    for (std::size_t i = 0; i < names.size(); ++i) known.push_back(names.name(static_cast<Id>(i)));
    auto near = text::closest_match(name, known);
    return near ? ", did you mean :" + *near + "?" : "";
  }

  void warn_unknown_labels(const ast::NodePattern& np) {
    const store::Graph& g = b_.input().graph;
    if (g.node_count() == 0) return;
    for (const ast::SchemaName& l : np.labels) {
      if (!g.labels().find(l.name)) {
        b_.warn("label :" + l.name + " does not exist in the graph" + suggestion(g.labels(), l.name));
      }
    }
  }

  // Binds a start node: a scan or name seek when fresh, filters when bound.
  std::size_t node(const ast::NodePattern& np, OperatorPtr& op, bool start) {
    std::size_t slot = node_slot(np);
    warn_unknown_labels(np);
    std::vector<std::string> labels = names_of(np.labels);
    bool name_only_seek = false;
    if (fresh_ && start) {
      if (const ast::Expression* name = name_property(np)) {
        op = std::make_unique<plan::SeekByName>(std::move(op), slot, labels, b_.expression(*name, scope_));
        // The seek already checks the name exactly; other keys still need a filter.
        name_only_seek = ast::get_if<ast::MapLiteral>(*np.properties)->entries.size() == 1;
      } else {
        op = std::make_unique<plan::ScanNodes>(std::move(op), slot, labels);
      }
      labels.clear();
    }
    constrain(np, slot, labels, op, !name_only_seek);
    return slot;
  }

  void constrain(const ast::NodePattern& np, std::size_t slot, const std::vector<std::string>& labels, OperatorPtr& op,
                 bool with_properties = true) {
    text::Span at = span(np.span);
    const std::string shown = np.variable ? np.variable->name : "$" + std::to_string(slot);
    if (!labels.empty()) {
      auto test = std::make_unique<expr::LabelTest>(at, std::make_unique<expr::SlotRef>(at, slot, shown), labels);
      op = std::make_unique<plan::Filter>(std::move(op), std::move(test));
    }
    if (np.properties && with_properties) {
      auto match = std::make_unique<expr::PropertiesMatch>(at, std::make_unique<expr::SlotRef>(at, slot, shown),
                                                           b_.expression(*np.properties, scope_));
      op = std::make_unique<plan::Filter>(std::move(op), std::move(match));
    }
  }

  // One relationship hop from the node in `from` to `to_pattern`; returns
  // the relationship (or list) slot and whether it is a list. The far node's
  // slot is left in last_node_.
  std::pair<std::size_t, bool> hop(const ast::RelationshipPattern& rp, bool reversed, std::size_t from,
                                   const ast::NodePattern& to_pattern, OperatorPtr& op) {
    const bool var_length = rp.length.has_value();
    std::size_t rel_slot = 0;
    std::optional<std::size_t> must_equal;  // a relationship bound by an earlier clause
    if (rp.variable) {
      if (const Variable* v = scope_.find(rp.variable->name)) {
        if (std::find(introduced_.begin(), introduced_.end(), v->slot) != introduced_.end()) {
          b_.fail(rp.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
                  "relationship variable '" + rp.variable->name + "' is used twice in one pattern");
        }
        if (v->kind != VarKind::relationship || var_length) {
          b_.fail(rp.variable->span, ErrorKind::syntax_error, "VariableTypeConflict",
                  "'" + rp.variable->name + "' is not a relationship here");
        }
        must_equal = v->slot;
        rel_slot = b_.new_slot();
      } else {
        if (predicate_only_) {
          b_.fail(rp.variable->span, ErrorKind::syntax_error, "UndefinedVariable",
                  "variable '" + rp.variable->name + "' is not defined (a pattern predicate cannot introduce new variables)");
        }
        rel_slot = b_.new_slot();
        scope_.add({rp.variable->name, rel_slot, var_length ? VarKind::relationship_list : VarKind::relationship});
        introduced_.push_back(rel_slot);
      }
    } else {
      rel_slot = b_.new_slot();
    }

    std::size_t to = node_slot(to_pattern);
    const bool into = !fresh_;
    warn_unknown_labels(to_pattern);
    const store::Graph& g = b_.input().graph;
    for (const ast::SchemaName& t : rp.types) {
      if (g.relationship_count() && !g.types().find(t.name)) {
        b_.warn("relationship type :" + t.name + " does not exist in the graph" + suggestion(g.types(), t.name));
      }
    }

    if (var_length) {
      auto expand = std::make_unique<plan::VarExpand>(std::move(op));
      expand->from_slot = from;
      expand->list_slot = rel_slot;
      expand->to_slot = to;
      expand->direction = direction_of(rp.direction, reversed);
      expand->types = names_of(rp.types);
      expand->min_hops = rp.length->min.value_or(1);
      expand->max_hops = rp.length->max;
      expand->into = into;
      expand->distinct = distinct_;
      expand->reversed = reversed;
      expand->list_unused = !rp.variable && !path_named_;
      if (rp.properties) {
        const ast::MapLiteral* map = ast::get_if<ast::MapLiteral>(*rp.properties);
        if (!map) {
          b_.fail(ast::span_of(*rp.properties), ErrorKind::semantic_error, "UnsupportedFeature",
                  "a variable-length relationship takes its properties as a map literal");
        }
        for (const ast::MapEntry& e : map->entries) expand->properties.emplace_back(e.key.name, b_.expression(e.value, scope_));
      }
      op = std::move(expand);
      distinct_slots_->lists.push_back(rel_slot);
      distinct_.list_count = distinct_slots_->lists.size();
    } else {
      auto expand = std::make_unique<plan::Expand>(std::move(op));
      expand->from_slot = from;
      expand->rel_slot = rel_slot;
      expand->to_slot = to;
      expand->direction = direction_of(rp.direction, reversed);
      expand->types = names_of(rp.types);
      expand->into = into;
      expand->distinct = distinct_;
      expand->ends_unused = !rp.variable && !rp.properties && !path_named_ && !to_pattern.variable &&
                            to_pattern.labels.empty() && !to_pattern.properties;
      op = std::move(expand);
      distinct_slots_->rels.push_back(rel_slot);
      distinct_.rel_count = distinct_slots_->rels.size();
      text::Span at = span(rp.span);
      if (rp.properties) {
        const std::string shown = rp.variable ? rp.variable->name : "$" + std::to_string(rel_slot);
        auto match = std::make_unique<expr::PropertiesMatch>(at, std::make_unique<expr::SlotRef>(at, rel_slot, shown),
                                                             b_.expression(*rp.properties, scope_));
        op = std::make_unique<plan::Filter>(std::move(op), std::move(match));
      }
      if (must_equal) {
        expr::ExprList operands;
        operands.push_back(std::make_unique<expr::SlotRef>(at, rel_slot, "rel"));
        operands.push_back(std::make_unique<expr::SlotRef>(at, *must_equal, rp.variable->name));
        op = std::make_unique<plan::Filter>(
            std::move(op), std::make_unique<expr::Comparison>(at, std::move(operands),
                                                              std::vector{expr::ComparisonOperator::equal}));
      }
    }
    constrain(to_pattern, to, names_of(to_pattern.labels), op);
    last_node_ = to;
    return {rel_slot, var_length};
  }

  OperatorPtr shortest(const ast::PatternPart& p, OperatorPtr op) {
    const ast::PatternElement& el = p.element;
    if (el.links.size() != 1) {
      b_.fail(el.span, ErrorKind::syntax_error, "InvalidArgumentPassingMode",
              "shortestPath needs a pattern of exactly one relationship, like (a)-[*]->(b)");
    }
    const ast::RelationshipPattern& rp = el.links[0].relationship;
    std::size_t from = node(el.start, op, true);
    std::size_t to = node(el.links[0].node, op, true);
    auto sp = std::make_unique<plan::ShortestPath>(std::move(op));
    sp->from_slot = from;
    sp->to_slot = to;
    sp->direction = direction_of(rp.direction, false);
    sp->types = names_of(rp.types);
    sp->all = p.selector == ast::PathSelector::AllShortestPaths;
    if (rp.length) {
      sp->min_hops = rp.length->min.value_or(1);
      sp->max_hops = rp.length->max;
    } else {
      sp->max_hops = 1;
    }
    sp->list_slot = b_.new_slot();
    if (rp.variable) {
      if (scope_.find(rp.variable->name)) fail_rebound(*rp.variable);
      scope_.add({rp.variable->name, sp->list_slot, VarKind::relationship_list});
      introduced_.push_back(sp->list_slot);
    }
    if (p.path_variable) {
      if (scope_.find(p.path_variable->name)) fail_rebound(*p.path_variable);
      sp->path_slot = b_.new_slot();
      scope_.add({p.path_variable->name, *sp->path_slot, VarKind::path});
      introduced_.push_back(*sp->path_slot);
    }
    return sp;
  }

  Binder& b_;
  Scope& scope_;
  std::vector<std::size_t>& introduced_;
  bool predicate_only_;
  std::vector<Binder::PendingFilter>* pending_;
  // The relationships bound so far in this MATCH: one list that all its hops
  // share, each reading the prefix in `distinct_` when it was made.
  std::shared_ptr<plan::DistinctFrom::Slots> distinct_slots_ = std::make_shared<plan::DistinctFrom::Slots>();
  plan::DistinctFrom distinct_{distinct_slots_, 0, 0};
  bool fresh_ = false;
  bool path_named_ = false;  // the part being bound is `p = ...`
  std::size_t last_node_ = 0;
};

}  // namespace

OperatorPtr Binder::pattern(const std::vector<ast::PatternPart>& parts, OperatorPtr input, Scope& scope,
                            std::vector<std::size_t>& introduced, bool predicate_only,
                            std::vector<PendingFilter>* pending) {
  PatternBinder pb(*this, scope, introduced, predicate_only, pending);
  for (const ast::PatternPart& p : parts) input = pb.part(p, std::move(input));
  return input;
}

OperatorPtr Binder::match(const ast::Match& m, OperatorPtr input, Scope& scope) {
  std::vector<std::size_t> introduced;
  if (!m.optional) {
    // WHERE a AND b AND c: each conjunct filters as soon as the pattern has
    // bound its variables (a conjunct with comprehensions or patterns of its
    // own waits for the whole pattern).
    std::vector<PendingFilter> pending;
    std::vector<const ast::Expression*> last;
    if (m.where) {
      const auto* conjunction = ast::get_if<ast::Logical>(*m.where);
      std::vector<const ast::Expression*> conjuncts;
      if (conjunction && conjunction->op == ast::LogicalOp::And) {
        for (const ast::Expression& e : conjunction->operands) conjuncts.push_back(&e);
      } else {
        conjuncts.push_back(&*m.where);
      }
      for (const ast::Expression* c : conjuncts) {
        PendingFilter f{c, {}};
        if (variables_of(*c, f.variables)) {
          pending.push_back(std::move(f));
        } else {
          last.push_back(c);
        }
      }
    }
    const std::size_t written = pending.size();
    OperatorPtr op = pattern(m.pattern, std::move(input), scope, introduced, false, &pending);
    if (m.where && pending.size() == written) {
      // Nothing could go earlier: one filter, as written.
      return std::make_unique<plan::Filter>(std::move(op), predicate(*m.where, scope));
    }
    for (const PendingFilter& f : pending) op = std::make_unique<plan::Filter>(std::move(op), predicate(*f.condition, scope));
    for (const ast::Expression* c : last) op = std::make_unique<plan::Filter>(std::move(op), predicate(*c, scope));
    return op;
  }
  OperatorPtr sub = pattern(m.pattern, std::make_unique<plan::Once>(), scope, introduced);
  if (m.where) sub = std::make_unique<plan::Filter>(std::move(sub), predicate(*m.where, scope));
  return std::make_unique<plan::Optional>(std::move(input), std::move(sub), std::move(introduced));
}

ExprPtr Binder::pattern_predicate(const ast::PatternElement& element, ast::Span at, const Scope& scope) {
  if (element.links.empty()) {
    fail(at, ErrorKind::syntax_error, "InvalidArgumentType",
         "a pattern used as a predicate needs at least one relationship, like (n)-->()");
  }
  Scope inner = scope;
  std::vector<std::size_t> introduced;
  ast::PatternPart part;
  part.span = at;
  part.element = element;
  OperatorPtr sub = pattern({part}, std::make_unique<plan::Once>(), inner, introduced, true);
  return std::make_unique<plan::PatternExists>(span(at), std::move(sub));
}

ExprPtr Binder::pattern_comprehension(const ast::PatternComprehension& pc, const Scope& scope) {
  Scope inner = scope;
  std::vector<std::size_t> introduced;
  ast::PatternPart part;
  part.span = pc.span;
  part.path_variable = pc.path_variable;
  part.element = pc.pattern;
  OperatorPtr sub = pattern({part}, std::make_unique<plan::Once>(), inner, introduced);
  if (pc.where) sub = std::make_unique<plan::Filter>(std::move(sub), expression(*pc.where, inner));
  return std::make_unique<plan::PatternComprehension>(span(pc.span), std::move(sub), expression(pc.projection, inner));
}

}  // namespace ergo::bind
