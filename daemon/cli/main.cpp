// The newsmon executable: everything it does is in the core library.
#include "daemon/cli/cli.h"

int main(int argc, char** argv) { return newsmon::run_cli(argc, argv); }
