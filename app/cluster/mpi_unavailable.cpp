// The build without MPI (the default): --mpi says how to get it.
#include "app/cluster/mpi_run.hpp"
#include "sim/config/diagnostics.hpp"

namespace seccoop::app {

bool built_with_mpi() { return false; }

MpiRunResult run_with_mpi(const std::function<agents::Experiment()>& /*load*/,
                          const MpiRunOptions& /*options*/) {
  throw sim::UserError(
      "--mpi: this seccoop was built without MPI; rebuild it with -DSECCOOP_WITH_MPI=ON (Debian: "
      "apt-get install libopenmpi-dev openmpi-bin), or split the experiment into independent "
      "jobs with --shard i/K and join them with `seccoop merge` (docs/cluster.md)");
}

}  // namespace seccoop::app
