// run_cli: parses the command line (CLI11; this is its only user, as it is
// slow to compile) and dispatches to the run_*_command functions.
#pragma once

namespace newsmon {

int run_cli(int argc, char** argv);

}  // namespace newsmon
