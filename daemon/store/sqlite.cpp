#include "daemon/store/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace newsmon {

SqliteDb::SqliteDb(const std::string& path, Mode mode) {
  const int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Readers and the daemon share the file; wait for the writer rather than fail.
  sqlite3_busy_timeout(db_, 5000);
}

SqliteDb::~SqliteDb() {
  finalize_statements();
  sqlite3_close_v2(db_);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), statements_(std::move(other.statements_)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    finalize_statements();
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

void SqliteDb::finalize_statements() { statements_.clear(); }

namespace {

// The file of a connection's main database, for messages.
std::string database_name(sqlite3* db) {
  const char* file = sqlite3_db_filename(db, "main");
  return file && *file ? file : ":memory:";
}

[[noreturn]] void throw_sqlite_error(sqlite3* db) {
  throw SqliteError(database_name(db) + ": " + sqlite3_errmsg(db));
}

}  // namespace

void SqliteDb::throw_error() const { throw_sqlite_error(db_); }

std::string SqliteDb::file_name() const { return database_name(db_); }

StatementLease SqliteDb::reuse(std::string_view sql) {
  auto found = statements_.find(std::string(sql));
  if (found == statements_.end())
    found = statements_.emplace(std::string(sql), std::make_unique<SqliteStatement>(*this, sql)).first;
  return StatementLease(*found->second);
}

void SqliteDb::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw SqliteError(database_name(db_) + ": " + text);
  }
}

std::int64_t SqliteDb::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int SqliteDb::changes() const { return sqlite3_changes(db_); }

SqliteStatement::SqliteStatement(const SqliteDb& db, std::string_view sql) : db_(db.handle()) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt_, nullptr) != SQLITE_OK)
    db.throw_error();
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK)
    throw_sqlite_error(db_);
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(db_);
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::column_int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::column_double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string SqliteStatement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column))
              : std::string();
}

std::string_view SqliteStatement::column_view(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  return text ? std::string_view(reinterpret_cast<const char*>(text),
                                 static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}

std::optional<std::int64_t> SqliteStatement::column_optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}

Transaction::Transaction(SqliteDb& db) : db_(&db) { db_->exec("BEGIN IMMEDIATE"); }

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), done_(std::exchange(other.done_, true)) {}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_->exec("ROLLBACK");
    } catch (const SqliteError&) {
      // The connection already rolled back (SQLITE_FULL can do that); nothing to undo.
    }
  }
}

void Transaction::commit() {
  db_->exec("COMMIT");
  done_ = true;
}

}  // namespace newsmon
