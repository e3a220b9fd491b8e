# The baseline module lists its core sources and tests here.
