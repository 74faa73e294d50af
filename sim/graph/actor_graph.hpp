#pragma once
// The actor graph: every agent is a vertex with a stable id; every relation (trust, rivalry,
// alliance, ...) is a typed edge. Vertices are never removed (a dissolved cartel is marked
// inactive), so an AgentId indexes the model's per-kind state arrays for the whole run.
//
// The graph stores topology only. Edge state lives in the model's struct-of-arrays, indexed by
// the edge's `slot`, which counts edges of one kind in the order they were added.
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <utility>
#include <vector>

namespace seccoop::sim {

using AgentId = std::uint32_t;
using AgentKind = std::uint16_t;
using EdgeKind = std::uint16_t;
using EdgeSlot = std::uint32_t;

struct AgentVertex {
  AgentId id = 0;
  AgentKind kind = 0;
  bool active = true;
};

struct ActorEdge {
  EdgeKind kind = 0;
  EdgeSlot slot = 0;
};

class ActorGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, AgentVertex,
                                      ActorEdge>;

  AgentId add_agent(AgentKind kind);
  /// Adds a directed edge and returns its slot among edges of `kind`.
  EdgeSlot add_edge(EdgeKind kind, AgentId from, AgentId to);
  void deactivate(AgentId agent);

  [[nodiscard]] bool active(AgentId agent) const { return graph_[agent].active; }
  [[nodiscard]] AgentKind kind(AgentId agent) const { return graph_[agent].kind; }
  [[nodiscard]] std::size_t agent_count() const { return boost::num_vertices(graph_); }
  [[nodiscard]] std::size_t edge_count(EdgeKind kind) const;
  /// Endpoints of the edges of one kind, indexed by slot.
  [[nodiscard]] const std::vector<std::pair<AgentId, AgentId>>& endpoints(EdgeKind kind) const;
  [[nodiscard]] const Graph& boost_graph() const noexcept { return graph_; }

  /// Calls visit(target, slot) for each edge of `kind` leaving `agent`.
  template <class Visitor>
  void for_each_out_edge(AgentId agent, EdgeKind kind, Visitor&& visit) const {
    for (auto [it, end] = boost::out_edges(agent, graph_); it != end; ++it) {
      const ActorEdge& edge = graph_[*it];
      if (edge.kind == kind) visit(static_cast<AgentId>(boost::target(*it, graph_)), edge.slot);
    }
  }

  /// Calls visit(source, slot) for each edge of `kind` arriving at `agent`.
  template <class Visitor>
  void for_each_in_edge(AgentId agent, EdgeKind kind, Visitor&& visit) const {
    for (auto [it, end] = boost::in_edges(agent, graph_); it != end; ++it) {
      const ActorEdge& edge = graph_[*it];
      if (edge.kind == kind) visit(static_cast<AgentId>(boost::source(*it, graph_)), edge.slot);
    }
  }

 private:
  Graph graph_;
  std::vector<std::vector<std::pair<AgentId, AgentId>>> endpoints_by_kind_;
};

}  // namespace seccoop::sim
