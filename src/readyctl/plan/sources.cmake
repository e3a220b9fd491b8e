# The plan module lists its core sources and tests here.
