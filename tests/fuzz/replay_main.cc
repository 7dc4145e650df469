// The main() a fuzz target is linked with in the ordinary (gcc, ASan + UBSan) build: it runs
// LLVMFuzzerTestOneInput once on every file of the directories (or files) named on the command
// line, so `ctest` replays the saved corpus and every crash input found so far. An input that
// trips a sanitizer ends the process with its report; a missing directory is an error, an empty
// one is not.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> InputsOf(const fs::path& path) {
  std::vector<fs::path> inputs;
  if (fs::is_regular_file(path)) {
    inputs.push_back(path);
    return inputs;
  }
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().filename() != ".gitkeep") {
      inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int arg = 1; arg < argc; ++arg) {
    const fs::path path(argv[arg]);
    if (!fs::exists(path)) {
      std::fprintf(stderr, "replay: %s does not exist\n", argv[arg]);
      return 2;
    }
    for (const fs::path& input : InputsOf(path)) {
      std::ifstream file(input, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(file)),
                              std::istreambuf_iterator<char>());
      // A copy in its own allocation, so ASan sees reads past the end of the input.
      std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());
      LLVMFuzzerTestOneInput(copy.data(), copy.size());
      ++replayed;
    }
  }
  std::printf("replay: %zu inputs, no finding\n", replayed);
  return 0;
}
