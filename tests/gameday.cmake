# gameday drills against real processes and servers (python HTTP server, Redis, Prometheus, PostgreSQL + DBOS).
add_test(NAME integration-gameday COMMAND readyctl_tests --test-suite=integration-gameday --no-intro=true)
set_tests_properties(integration-gameday PROPERTIES TIMEOUT 400)
