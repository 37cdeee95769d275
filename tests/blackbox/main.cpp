// The one translation unit that gives the black-box tests their main().
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
