# Baseline against a real Prometheus (backfilled with promtool) and fake misbehaving servers.
add_test(NAME integration-baseline COMMAND readyctl_tests --test-suite=integration-baseline --no-intro=true)
set_tests_properties(integration-baseline PROPERTIES TIMEOUT 300)
