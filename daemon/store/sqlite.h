// Thin RAII owners of SQLite's C handles. SqliteDb owns a connection (and
// the statements it keeps prepared for reuse), SqliteStatement a prepared
// statement, Transaction a BEGIN that rolls back unless committed. Errors
// throw SqliteError, which never leaves the store: each public function of
// the store (store.h, archive_query.h) catches it and returns an
// Error{ErrorKind::storage}. Not thread-safe: one connection per thread, as
// SQLite itself prefers.
#pragma once
#define NEWSMON_STORE_SQLITE_H  // lets the tests of pure headers check they do not include it

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "daemon/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsmon {

// A failed SQLite call; what() is "<database path>: <SQLite's message>".
// Internal to the store (see above): callers outside it get Result values.
class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `body` (which uses the owners below) and returns its value, or an
// Error{ErrorKind::storage} with the SqliteError's message: how the store's
// public functions keep SqliteError inside the store.
// A `body` that returns a Result itself (to fail in its own words) gives that Result.
template <class T>
struct StorageResultOf {
  using type = Result<T>;
};
template <class T>
struct StorageResultOf<Result<T>> {
  using type = Result<T>;
};

template <class Body>
auto storage_result(Body&& body) -> typename StorageResultOf<std::invoke_result_t<Body>>::type {
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Body>>) {
      body();
      return {};
    } else {
      return body();
    }
  } catch (const SqliteError& e) {
    return fail(ErrorKind::storage, e.what());
  }
}

class SqliteStatement;
class StatementLease;

class SqliteDb {
 public:
  enum class Mode { read_write_create, read_only };
  SqliteDb(const std::string& path, Mode mode);
  ~SqliteDb();
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(const std::string& sql);  // one or more statements, no results
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  [[noreturn]] void throw_error() const;
  std::string file_name() const;  // of the main database, for messages (":memory:" when in memory)

  // The statement for `sql`, prepared on first use and kept for the
  // connection's life: a poll runs the same few statements thousands of
  // times, and preparing one costs more than running it. One lease of a given
  // statement at a time.
  StatementLease reuse(std::string_view sql);

 private:
  void finalize_statements();

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

class SqliteStatement {
 public:
  SqliteStatement(const SqliteDb& db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based, as in SQLite.
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, std::string_view value);  // copied by SQLite
  SqliteStatement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  SqliteStatement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  SqliteStatement& bind_null(int index);
  template <class T>
  SqliteStatement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();  // true while a row is available
  void run() { while (step()) {} }  // steps to the end
  void reset();  // keeps bindings off: clears them too

  // Columns are 0-based, as in SQLite.
  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  // The same without a copy: valid until the next step(), reset() or column call
  // on this column. For scans over large bodies (grep).
  std::string_view column_view(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;

 private:
  sqlite3* db_;  // for error messages; the connection outlives the statement
  sqlite3_stmt* stmt_ = nullptr;
};

// A reused statement (SqliteDb::reuse), reset with its bindings cleared when
// the lease ends: a statement left mid-result would hold a read snapshot
// open, and a stale binding would leak into the next use.
class StatementLease {
 public:
  explicit StatementLease(SqliteStatement& statement) : statement_(&statement) {}
  ~StatementLease() { statement_->reset(); }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;

  SqliteStatement* operator->() const { return statement_; }
  SqliteStatement& operator*() const { return *statement_; }

 private:
  SqliteStatement* statement_;
};

class Transaction {
 public:
  // IMMEDIATE: take the write lock now, so a reader never blocks a commit.
  explicit Transaction(SqliteDb& db);
  ~Transaction();  // rolls back unless commit() succeeded
  Transaction(Transaction&& other) noexcept;  // the moved-from one does nothing
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  void commit();

 private:
  SqliteDb* db_;
  bool done_ = false;
};

}  // namespace newsmon
