// The replay drill against a real durable workflow engine: DBOS Transact on Debian's PostgreSQL, its worker
// SIGKILLed mid-workflow by examples/gamedays/dbos-replay.yaml and recovered by a fresh worker.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../gameday/helpers.hpp"
#include "local_ports.hpp"
#include "test_support.hpp"

using readyctl::test::free_port;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string pg_bin()
{
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql"))
    if (fs::exists(entry.path() / "bin/initdb")) return (entry.path() / "bin").string();
  return {};
}

// PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
std::string as_postgres(const std::string& command)
{
  return geteuid() == 0 ? "runuser -u postgres -- " + command : command;
}

int sh(const std::string& command) { return std::system(command.c_str()); }

// A throwaway PostgreSQL cluster on a free port, with a CREATEDB role `drill` owning database `drill`.
class Postgres {
public:
  Postgres() : m_port(free_port()), m_base(fmt::format("/tmp/readyctl-gameday-pg-{}", m_port))
  {
    fs::remove_all(m_base);
    fs::create_directories(m_base);
    if (geteuid() == 0) sh("chown postgres:postgres '" + m_base.string() + "'");
    std::string bin = pg_bin();
    m_ok = !bin.empty() &&
           sh(as_postgres(fmt::format("{}/initdb -D {}/data -A trust -U postgres >{}/initdb.log 2>&1", bin,
                                      m_base.string(), m_base.string()))) == 0 &&
           sh(as_postgres(fmt::format("{}/pg_ctl -D {}/data -l {}/pg.log -w -o \"-p {} -k {} -c listen_addresses=127.0.0.1 "
                                      "-c fsync=off\" start >/dev/null", bin, m_base.string(), m_base.string(), m_port,
                                      m_base.string()))) == 0;
    m_ok = m_ok && psql("postgres", "CREATE ROLE drill LOGIN CREATEDB") == 0 &&
           psql("postgres", "CREATE DATABASE drill OWNER drill") == 0;
  }
  ~Postgres()
  {
    sh(as_postgres(fmt::format("{}/pg_ctl -D {}/data -m immediate stop >/dev/null 2>&1", pg_bin(), m_base.string())));
    fs::remove_all(m_base);
  }
  Postgres(const Postgres&) = delete;
  Postgres& operator=(const Postgres&) = delete;

  bool ok() const { return m_ok; }
  int port() const { return m_port; }
  std::string url(const std::string& db) const { return fmt::format("postgres://drill@127.0.0.1:{}/{}", m_port, db); }
  int psql(const std::string& db, const std::string& sql) const
  {
    return sh(fmt::format("psql -h 127.0.0.1 -p {} -U postgres -d {} -qc \"{}\" >/dev/null", m_port, db, sql));
  }
  std::string query(const std::string& sql) const
  {
    readyctl::test::TempDir tmp;
    sh(fmt::format("psql '{}' -tAc \"{}\" > '{}'", url("drill"), sql, (tmp / "out").string()));
    std::string out = readyctl::test::slurp(tmp / "out");
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

private:
  int m_port;
  fs::path m_base;
  bool m_ok = false;
};

}  // namespace

TEST_SUITE("integration-gameday")
{
  TEST_CASE("dbos-replay: a worker killed mid-workflow is recovered; finished steps once, the interrupted one again")
  {
    // What CI runs too: npm install of the worker's packages (idempotent, no-op once installed).
    REQUIRE(sh("bash '" + (readyctl::test::source_dir() / "scripts/deps/gameday.sh").string() + "'") == 0);
    Postgres pg;
    REQUIRE(pg.ok());
    readyctl::test::TempDir dir;
    auto r = readyctl::test::run_binary(
        fmt::format("gameday run examples/gamedays/dbos-replay.yaml --var db_url={} --var sys_db_url={} "
                    "--var step_ms=2000 --journal '{}'", pg.url("drill"), pg.url("drill_dbos_sys"),
                    (dir / "j.json").string()),
        readyctl::test::source_dir());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    json j = readyctl::test::gameday::journal_at(dir / "j.json");
    CHECK(j["verdict"] == "held");
    REQUIRE(j["fault"]["ttd"].is_number());
    REQUIRE(j["fault"]["ttr"].is_number());
    CHECK(j["fault"]["ttd"].get<double>() <= j["fault"]["ttr"].get<double>());
    // Recovery re-ran the interrupted step and ran the last one, 2 s each, so it cannot take less than 4 s; the
    // scenario's budget is 40 s.
    CHECK(j["fault"]["ttr"].get<double>() >= 4.0);
    CHECK(j["fault"]["ttr"].get<double>() < 40);
    for (const json& ev : j["events"])
      if (ev["phase"] == "assert") CHECK_MESSAGE(ev["status"] == "met", ev.dump());
    // The ledger, read independently of the scenario: the kill landed while "charge" ran (the trigger waited
    // for it to start, and each step takes 2 s), so reserve ran once, charge twice, ship once.
    std::string id = "drill-" + j["runId"].get<std::string>();
    CHECK(pg.query("SELECT step || '=' || count(*) FROM public.step_runs WHERE workflow_id = '" + id +
                   "' GROUP BY step ORDER BY step") == "charge=2\nreserve=1\nship=1");
    CHECK(pg.query("SELECT count(*) FROM public.side_effects WHERE workflow_id = '" + id + "'") == "3");
  }

  TEST_CASE("dbos-replay without its PostgreSQL ends exit 3 within seconds, naming the worker and its error")
  {
    // The worker's packages are installed, so what it dies of is the database nobody runs.
    REQUIRE(sh("bash '" + (readyctl::test::source_dir() / "scripts/deps/gameday.sh").string() + "'") == 0);
    int port = free_port();  // no PostgreSQL listens there
    readyctl::test::TempDir dir;
    auto start = std::chrono::steady_clock::now();
    auto r = readyctl::test::gameday::run_drill(
        fmt::format("examples/gamedays/dbos-replay.yaml --var db_url=postgres://drill@127.0.0.1:{0}/drill "
                    "--var sys_db_url=postgres://drill@127.0.0.1:{0}/drill_dbos_sys", port),
        readyctl::test::source_dir(), dir / "j.json");
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.out, r.err);
    CHECK(r.code == 3);
    // Node loads DBOS and fails to connect within a couple of seconds; the deviation it replaced took 30 s.
    CHECK(took < 8);
    CHECK(r.out.find("environment: process 'worker'") != std::string::npos);
    CHECK(r.out.find("exited with code 1") != std::string::npos);
    CHECK(r.out.find("ECONNREFUSED") != std::string::npos);
  }
}
