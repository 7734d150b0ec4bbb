-- What departments are summoned for (summonsTask) is the adopted resolution when implementation
-- summons them: a plan of up to 5,000 characters (cn.yishi.deliberation.PlanCheck), more than the
-- 2,000 of V20. Same statement on H2 and PostgreSQL.
ALTER TABLE department_summons ALTER COLUMN summons_task SET DATA TYPE VARCHAR(20000);
