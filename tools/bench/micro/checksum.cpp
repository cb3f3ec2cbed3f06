// Micro-benchmarks: the CRC-32 every record on disk carries, over 64 MiB
// (opening a database checks every byte of its snapshot): the function ergo
// uses (carry-less multiply where the processor has it) and the table it
// falls back to. Bytes per second in the report.
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/storage/crc32.hpp"

namespace ergo::microbench {
namespace {

const std::vector<std::byte>& megabytes() {
  static const std::vector<std::byte> bytes = [] {
    std::vector<std::byte> b(std::size_t{64} << 20);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<std::byte>(i * 131 + (i >> 12));
    return b;
  }();
  return bytes;
}

void crc32_snapshot_bytes(benchmark::State& state) {
  const auto& bytes = megabytes();
  for (auto _ : state) benchmark::DoNotOptimize(storage::crc32(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(crc32_snapshot_bytes)->Unit(benchmark::kMillisecond);

void crc32_portable_snapshot_bytes(benchmark::State& state) {
  const auto& bytes = megabytes();
  for (auto _ : state) benchmark::DoNotOptimize(storage::crc32_portable(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(crc32_portable_snapshot_bytes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ergo::microbench
