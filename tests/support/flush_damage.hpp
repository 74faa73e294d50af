#pragma once
// Makes a results file look as a kill in the middle of an HDF5 flush leaves it (see
// agents/runner/partial_salvage.hpp): its recorded end of file, and the file itself, cut back
// below objects its indexes point to, which were to be written last.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace seccoop::testing {

/// Sets the end of file recorded in `path`'s superblock (version 0: bytes 40-47, little
/// endian, as seccoop writes it) to `end` bytes, and cuts the file there.
inline void cut_recorded_end(const std::filesystem::path& path, std::uint64_t end) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  std::array<char, 48> head{};
  file.read(head.data(), head.size());
  ASSERT_EQ(std::memcmp(head.data(), "\x89HDF\r\n\x1a\n", 8), 0) << path;
  ASSERT_EQ(head[8], 0) << path << ": superblock version";
  std::uint64_t recorded = 0;
  std::memcpy(&recorded, head.data() + 40, sizeof recorded);
  ASSERT_LT(end, recorded) << path;
  file.seekp(40);
  file.write(reinterpret_cast<const char*>(&end), sizeof end);
  file.close();
  std::filesystem::resize_file(path, end);
}

/// The same at `fraction` of the recorded end of file (a killed job's file may be longer).
inline void cut_recorded_end_at(const std::filesystem::path& path, double fraction) {
  std::ifstream file(path, std::ios::binary);
  std::array<char, 48> head{};
  file.read(head.data(), head.size());
  std::uint64_t recorded = 0;
  std::memcpy(&recorded, head.data() + 40, sizeof recorded);
  cut_recorded_end(path, static_cast<std::uint64_t>(static_cast<double>(recorded) * fraction));
}

}  // namespace seccoop::testing
