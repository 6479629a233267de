// Replays files through a fuzz target's entry point, without libFuzzer: the
// CI build (GCC) runs every fuzzer's contract on the shipped examples and
// traces, so a change that breaks a check the fuzzers rely on fails there,
// not only in the next fuzzing session. A target aborts on a broken rule.
//
//   seed_replay FILE...

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "%s: cannot open\n", argv[i]);
            return 2;
        }
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>()};
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        // Every prefix too: truncated files are the commonest damage.
        for (std::size_t cut = 1; cut < bytes.size(); cut += 1 + bytes.size() / 64) {
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), cut);
        }
    }
    std::printf("%d seed files replayed, each whole and in 64 truncations\n", argc - 1);
    return 0;
}
