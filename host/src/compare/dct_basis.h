// The perceptual hash's DCT basis: cos((2x + 1) u pi / 64) for the 8 lowest
// frequencies u over 32 samples x, indexed [x][u] (the DCT's inner loops run
// over u, see compare/photo.cpp).
//
// Written out rather than computed, for two reasons. `cos` was the only
// reason the host loaded libm, and loading a library is paid at every start
// (the browser may start the host for each message: about 0.1 ms,
// bench/README.md). And the stored hashes are then the same on every libm:
// these are the values glibc's `cos` gives for the expression above in IEEE
// double, the ones the hashes were defined with. They were printed with
// printf("%a", std::cos((2.0 * x + 1.0) * u * std::acos(-1.0) / 64.0));
// tests/host/compare_phash_identity_test.cpp holds them to that expression.
#pragma once

#include <array>

namespace oneself::compare {

inline constexpr std::array<std::array<double, 8>, 32> kDctBasis = {{
    {{0x1p+0, 0x1.ff621e3796d7ep-1, 0x1.fd88da3d12526p-1, 0x1.fa7557f08a517p-1,
      0x1.f6297cff75cbp-1, 0x1.f0a7efb9230d7p-1, 0x1.e9f4156c62ddap-1, 0x1.e212104f686e5p-1}},  // x = 0
    {{0x1p+0, 0x1.fa7557f08a517p-1, 0x1.e9f4156c62ddap-1, 0x1.ced7af43cc773p-1,
      0x1.a9b66290ea1a3p-1, 0x1.7b5df226aafafp-1, 0x1.44cf325091dd6p-1, 0x1.073879922ffedp-1}},  // x = 1
    {{0x1p+0, 0x1.f0a7efb9230d7p-1, 0x1.c38b2f180bdb1p-1, 0x1.7b5df226aafafp-1,
      0x1.1c73b39ae68c9p-1, 0x1.58f9a75ab1fddp-2, 0x1.917a6bc29b438p-4, -0x1.2c8106e8e6136p-3}},  // x = 2
    {{0x1p+0, 0x1.e212104f686e5p-1, 0x1.8bc806b151741p-1, 0x1.073879922ffedp-1,
      0x1.8f8b83c69a60dp-3, -0x1.2c8106e8e6136p-3, -0x1.e2b5d3806f63cp-2, -0x1.7b5df226aafadp-1}},  // x = 3
    {{0x1p+0, 0x1.ced7af43cc773p-1, 0x1.44cf325091dd6p-1, 0x1.f19f97b215f1ep-3,
      -0x1.8f8b83c69a608p-3, -0x1.30ff7fce17035p-1, -0x1.c38b2f180bdbp-1, -0x1.ff621e3796d7ep-1}},  // x = 4
    {{0x1p+0, 0x1.b728345196e3ep-1, 0x1.e2b5d3806f63ep-2, -0x1.91f65f10dd813p-5,
      -0x1.1c73b39ae68c6p-1, -0x1.ced7af43cc773p-1, -0x1.fd88da3d12526p-1, -0x1.9b3e047f38741p-1}},  // x = 5
    {{0x1p+0, 0x1.9b3e047f38741p-1, 0x1.294062ed59f05p-2, -0x1.58f9a75ab1fdbp-2,
      -0x1.a9b66290ea1a4p-1, -0x1.ff621e3796d7ep-1, -0x1.8bc806b151742p-1, -0x1.f19f97b215f23p-3}},  // x = 6
    {{0x1p+0, 0x1.7b5df226aafafp-1, 0x1.917a6bc29b438p-4, -0x1.30ff7fce17035p-1,
      -0x1.f6297cff75cbp-1, -0x1.b728345196e3ep-1, -0x1.294062ed59f07p-2, 0x1.b5d1009e15cc1p-2}},  // x = 7
    {{0x1p+0, 0x1.57d69348cec9fp-1, -0x1.917a6bc29b42fp-4, -0x1.9b3e047f3874p-1,
      -0x1.f6297cff75cbp-1, -0x1.073879922ffeep-1, 0x1.294062ed59fp-2, 0x1.ced7af43cc771p-1}},  // x = 8
    {{0x1p+0, 0x1.30ff7fce17036p-1, -0x1.294062ed59f02p-2, -0x1.e212104f686e4p-1,
      -0x1.a9b66290ea1a5p-1, -0x1.91f65f10dd816p-5, 0x1.8bc806b15173ep-1, 0x1.f0a7efb9230d8p-1}},  // x = 9
    {{0x1p+0, 0x1.073879922ffedp-1, -0x1.e2b5d3806f63cp-2, -0x1.ff621e3796d7ep-1,
      -0x1.1c73b39ae68c8p-1, 0x1.b5d1009e15cc1p-2, 0x1.fd88da3d12526p-1, 0x1.30ff7fce17034p-1}},  // x = 10
    {{0x1p+0, 0x1.b5d1009e15cc2p-2, -0x1.44cf325091dd5p-1, -0x1.f0a7efb9230d7p-1,
      -0x1.8f8b83c69a619p-3, 0x1.9b3e047f38742p-1, 0x1.c38b2f180bdb1p-1, -0x1.91f65f10dd7dp-5}},  // x = 11
    {{0x1p+0, 0x1.58f9a75ab1fddp-2, -0x1.8bc806b151741p-1, -0x1.b728345196e3ep-1,
      0x1.8f8b83c69a60cp-3, 0x1.fa7557f08a516p-1, 0x1.e2b5d3806f641p-2, -0x1.57d69348cec99p-1}},  // x = 12
    {{0x1p+0, 0x1.f19f97b215f1ep-3, -0x1.c38b2f180bdbp-1, -0x1.57d69348ceca2p-1,
      0x1.1c73b39ae68c5p-1, 0x1.e212104f686e6p-1, -0x1.917a6bc29b3fep-4, -0x1.fa7557f08a517p-1}},  // x = 13
    {{0x1p+0, 0x1.2c8106e8e613ap-3, -0x1.e9f4156c62ddap-1, -0x1.b5d1009e15cc7p-2,
      0x1.a9b66290ea1a3p-1, 0x1.57d69348ceca3p-1, -0x1.44cf325091ddp-1, -0x1.b728345196e4p-1}},  // x = 14
    {{0x1p+0, 0x1.91f65f10dd824p-5, -0x1.fd88da3d12525p-1, -0x1.2c8106e8e614ep-3,
      0x1.f6297cff75cafp-1, 0x1.f19f97b215f27p-3, -0x1.e9f4156c62dd7p-1, -0x1.58f9a75ab1feep-2}},  // x = 15
    {{0x1p+0, -0x1.91f65f10dd813p-5, -0x1.fd88da3d12526p-1, 0x1.2c8106e8e6141p-3,
      0x1.f6297cff75cbp-1, -0x1.f19f97b215ef3p-3, -0x1.e9f4156c62dd9p-1, 0x1.58f9a75ab1fep-2}},  // x = 16
    {{0x1p+0, -0x1.2c8106e8e6136p-3, -0x1.e9f4156c62ddbp-1, 0x1.b5d1009e15cc1p-2,
      0x1.a9b66290ea1a5p-1, -0x1.57d69348cec99p-1, -0x1.44cf325091dd5p-1, 0x1.b728345196e3cp-1}},  // x = 17
    {{0x1p+0, -0x1.f19f97b215f1ap-3, -0x1.c38b2f180bdb1p-1, 0x1.57d69348cec9fp-1,
      0x1.1c73b39ae68c9p-1, -0x1.e212104f686e2p-1, -0x1.917a6bc29b432p-4, 0x1.fa7557f08a518p-1}},  // x = 18
    {{0x1p+0, -0x1.58f9a75ab1fdbp-2, -0x1.8bc806b151742p-1, 0x1.b728345196e3dp-1,
      0x1.8f8b83c69a61dp-3, -0x1.fa7557f08a518p-1, 0x1.e2b5d3806f636p-2, 0x1.57d69348cec9ep-1}},  // x = 19
    {{0x1p+0, -0x1.b5d1009e15cbcp-2, -0x1.44cf325091ddap-1, 0x1.f0a7efb9230d7p-1,
      -0x1.8f8b83c69a5e8p-3, -0x1.9b3e047f38745p-1, 0x1.c38b2f180bdaep-1, 0x1.91f65f10dd84bp-5}},  // x = 20
    {{0x1p+0, -0x1.073879922ffedp-1, -0x1.e2b5d3806f63fp-2, 0x1.ff621e3796d7ep-1,
      -0x1.1c73b39ae68c4p-1, -0x1.b5d1009e15ccbp-2, 0x1.fd88da3d12526p-1, -0x1.30ff7fce1702ep-1}},  // x = 21
    {{0x1p+0, -0x1.30ff7fce17035p-1, -0x1.294062ed59f07p-2, 0x1.e212104f686e6p-1,
      -0x1.a9b66290ea1a2p-1, 0x1.91f65f10dd7bep-5, 0x1.8bc806b151747p-1, -0x1.f0a7efb9230d8p-1}},  // x = 22
    {{0x1p+0, -0x1.57d69348cecap-1, -0x1.917a6bc29b421p-4, 0x1.9b3e047f38744p-1,
      -0x1.f6297cff75cb1p-1, 0x1.073879922ffeap-1, 0x1.294062ed59f1cp-2, -0x1.ced7af43cc774p-1}},  // x = 23
    {{0x1p+0, -0x1.7b5df226aafadp-1, 0x1.917a6bc29b407p-4, 0x1.30ff7fce17034p-1,
      -0x1.f6297cff75cb2p-1, 0x1.b728345196e3cp-1, -0x1.294062ed59f09p-2, -0x1.b5d1009e15cb2p-2}},  // x = 24
    {{0x1p+0, -0x1.9b3e047f3874p-1, 0x1.294062ed59fp-2, 0x1.58f9a75ab1fddp-2,
      -0x1.a9b66290ea1a6p-1, 0x1.ff621e3796d7ep-1, -0x1.8bc806b151741p-1, 0x1.f19f97b215ee6p-3}},  // x = 25
    {{0x1p+0, -0x1.b728345196e3dp-1, 0x1.e2b5d3806f63ap-2, 0x1.91f65f10dd828p-5,
      -0x1.1c73b39ae68cap-1, 0x1.ced7af43cc774p-1, -0x1.fd88da3d12525p-1, 0x1.9b3e047f3873fp-1}},  // x = 26
    {{0x1p+0, -0x1.ced7af43cc773p-1, 0x1.44cf325091dd7p-1, -0x1.f19f97b215ef3p-3,
      -0x1.8f8b83c69a602p-3, 0x1.30ff7fce17036p-1, -0x1.c38b2f180bdbbp-1, 0x1.ff621e3796d7ep-1}},  // x = 27
    {{0x1p+0, -0x1.e212104f686e4p-1, 0x1.8bc806b15173ep-1, -0x1.073879922ffebp-1,
      0x1.8f8b83c69a5e4p-3, 0x1.2c8106e8e613cp-3, -0x1.e2b5d3806f647p-2, 0x1.7b5df226aafb8p-1}},  // x = 28
    {{0x1p+0, -0x1.f0a7efb9230d7p-1, 0x1.c38b2f180bdafp-1, -0x1.7b5df226aafb1p-1,
      0x1.1c73b39ae68c3p-1, -0x1.58f9a75ab1fdep-2, 0x1.917a6bc29b463p-4, 0x1.2c8106e8e6144p-3}},  // x = 29
    {{0x1p+0, -0x1.fa7557f08a517p-1, 0x1.e9f4156c62ddap-1, -0x1.ced7af43cc771p-1,
      0x1.a9b66290ea1a2p-1, -0x1.7b5df226aafbp-1, 0x1.44cf325091dcdp-1, -0x1.073879922fff5p-1}},  // x = 30
    {{0x1p+0, -0x1.ff621e3796d7ep-1, 0x1.fd88da3d12526p-1, -0x1.fa7557f08a517p-1,
      0x1.f6297cff75cbp-1, -0x1.f0a7efb9230d8p-1, 0x1.e9f4156c62ddbp-1, -0x1.e212104f686ep-1}},  // x = 31
}};

}  // namespace oneself::compare
