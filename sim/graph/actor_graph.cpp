#include "sim/graph/actor_graph.hpp"

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

AgentId ActorGraph::add_agent(AgentKind kind) {
  const auto id = static_cast<AgentId>(boost::num_vertices(graph_));
  boost::add_vertex(AgentVertex{.id = id, .kind = kind, .active = true}, graph_);
  return id;
}

EdgeSlot ActorGraph::add_edge(EdgeKind kind, AgentId from, AgentId to) {
  if (from >= agent_count() || to >= agent_count()) {
    throw InternalError("edge between agents that do not exist");
  }
  if (endpoints_by_kind_.size() <= kind) endpoints_by_kind_.resize(kind + 1U);
  auto& endpoints = endpoints_by_kind_[kind];
  const auto slot = static_cast<EdgeSlot>(endpoints.size());
  endpoints.emplace_back(from, to);
  boost::add_edge(from, to, ActorEdge{.kind = kind, .slot = slot}, graph_);
  return slot;
}

void ActorGraph::deactivate(AgentId agent) { graph_[agent].active = false; }

std::size_t ActorGraph::edge_count(EdgeKind kind) const {
  return kind < endpoints_by_kind_.size() ? endpoints_by_kind_[kind].size() : 0;
}

const std::vector<std::pair<AgentId, AgentId>>& ActorGraph::endpoints(EdgeKind kind) const {
  static const std::vector<std::pair<AgentId, AgentId>> kNone;
  return kind < endpoints_by_kind_.size() ? endpoints_by_kind_[kind] : kNone;
}

}  // namespace seccoop::sim
