-- The tables of the Sample Platform that DB mode reads, with the platform's names and columns.
-- Portable across SQLite and MySQL/MariaDB. Used for the demo database and by the tests.
CREATE TABLE test (id INTEGER PRIMARY KEY, platform VARCHAR(50) NOT NULL DEFAULT 'linux', test_type VARCHAR(50) NOT NULL DEFAULT 'commit', fork_id INTEGER NULL, branch VARCHAR(255) NOT NULL DEFAULT 'master', `commit` VARCHAR(64) NOT NULL DEFAULT '', pr_nr INTEGER NOT NULL DEFAULT 0);
CREATE INDEX ix_test_commit ON test (`commit`);
CREATE TABLE fork (id INTEGER PRIMARY KEY, github VARCHAR(256) NULL);
CREATE TABLE test_progress (id INTEGER PRIMARY KEY, test_id INTEGER NOT NULL, status VARCHAR(32) NOT NULL, `timestamp` TIMESTAMP NULL);
CREATE INDEX ix_test_progress_test_id ON test_progress (test_id);
CREATE TABLE customized_test (id INTEGER PRIMARY KEY, test_id INTEGER NOT NULL, regression_id INTEGER NOT NULL);
CREATE INDEX ix_customized_test_test_id ON customized_test (test_id);
CREATE TABLE regression_test (id INTEGER PRIMARY KEY, active BOOLEAN NULL, expected_rc INTEGER NULL);
CREATE TABLE test_result (test_id INTEGER NOT NULL, regression_test_id INTEGER NOT NULL, runtime INTEGER NULL, exit_code INTEGER NULL, expected_rc INTEGER NULL, PRIMARY KEY (test_id, regression_test_id));
CREATE TABLE test_result_file (test_id INTEGER NOT NULL, regression_test_id INTEGER NOT NULL, regression_test_output_id INTEGER NOT NULL, expected TEXT NULL, got TEXT NULL, PRIMARY KEY (test_id, regression_test_id, regression_test_output_id));
CREATE TABLE regression_test_output (id INTEGER PRIMARY KEY, regression_id INTEGER NOT NULL, `ignore` BOOLEAN NULL);
CREATE INDEX ix_regression_test_output_regression_id ON regression_test_output (regression_id);
CREATE TABLE regression_test_output_files (id INTEGER PRIMARY KEY, regression_test_output_id INTEGER NOT NULL, file_hashes TEXT NOT NULL);
CREATE INDEX ix_regression_test_output_files_output ON regression_test_output_files (regression_test_output_id);
