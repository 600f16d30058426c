#include <catch2/catch.hpp>

#include "daemon/store/sqlite.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {
std::int64_t count_rows(SqliteDb& db) {
  SqliteStatement count(db, "SELECT count(*) FROM t");
  count.step();
  return count.column_int(0);
}
}  // namespace

TEST_CASE("a reused statement is prepared once and comes back reset, without its bindings", "[sqlite]") {
  SqliteDb db(":memory:", SqliteDb::Mode::read_write_create);
  db.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)");
  const SqliteStatement* first = nullptr;
  {
    auto query = db.reuse("SELECT n FROM t WHERE n >= ? ORDER BY n");
    first = &*query;
    query->bind(1, 2);
    REQUIRE(query->step());
    CHECK(query->column_int(0) == 2);
  }  // released mid-result
  auto again = db.reuse("SELECT n FROM t WHERE n >= ? ORDER BY n");
  CHECK(&*again == first);
  CHECK_FALSE(again->step());  // the parameter is NULL again: no row matches
  again->reset();
  again->bind(1, 1);
  REQUIRE(again->step());  // from the first row, not where the last use stopped
  CHECK(again->column_int(0) == 1);
}

TEST_CASE("a reused statement released mid-result holds no read snapshot open", "[sqlite]") {
  test::TempDir dir;
  const std::string path = (dir / "a.db").string();
  SqliteDb reader(path, SqliteDb::Mode::read_write_create);
  reader.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)");
  {
    auto query = reader.reuse("SELECT n FROM t");
    REQUIRE(query->step());
  }
  SqliteDb writer(path, SqliteDb::Mode::read_write_create);
  writer.exec("INSERT INTO t VALUES (3)");
  CHECK(count_rows(reader) == 3);  // a snapshot kept open would still see 2
}

TEST_CASE("statements kept for reuse move with their connection", "[sqlite]") {
  SqliteDb db(":memory:", SqliteDb::Mode::read_write_create);
  db.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (5)");
  { auto warm = db.reuse("SELECT n FROM t"); }
  SqliteDb moved = std::move(db);
  auto query = moved.reuse("SELECT n FROM t");
  REQUIRE(query->step());
  CHECK(query->column_int(0) == 5);
}
