// SimHash (Charikar 2002; Manku et al. 2007): a 64-bit fingerprint of a text
// over word shingles, such that near-identical texts differ in few bits.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>

namespace newsmon {

std::uint64_t simhash(std::string_view text);

inline int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

// Near-duplicates differ in at most this many bits.
inline constexpr int kNearDuplicateBits = 3;

}  // namespace newsmon
