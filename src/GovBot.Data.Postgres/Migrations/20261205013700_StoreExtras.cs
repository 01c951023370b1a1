using GovBot.Data.Postgres.Scheduling;
using GovBot.Data.Reference;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Postgres.Migrations
{
    /// <summary>
    /// What the SQLite migrations add by raw SQL, written for PostgreSQL: the reference-data stamp with its triggers
    /// (SQLite's ReferenceStamp) and Quartz's tables (SQLite's Reminders). SQLite's scheduler lease table is not made:
    /// on PostgreSQL Quartz runs clustered and elects by itself. GoingLive's marking of a demo store seeded before it
    /// existed has nothing to mark here: every PostgreSQL store is seeded after it.
    /// </summary>
    [DbContext(typeof(GovBotDb))]
    [Migration("20261205013700_StoreExtras")]
    public partial class StoreExtras : Migration
    {
        private static readonly string[] Tables = ["ReportCategories", "Compounds", "Buildings", "MicroGrids", "GridWorkers"];

        // random(), not a counter: a change rolled back and another committed cannot end on the stamp of the first.
        private const string Bump = $"""UPDATE "{ReferenceCache.StampTable}" SET "Stamp" = (random() * 9e18)::bigint WHERE "Id" = 1;""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE TABLE "{ReferenceCache.StampTable}" ("Id" integer NOT NULL PRIMARY KEY, "Stamp" bigint NOT NULL);""");
            migrationBuilder.Sql($"""INSERT INTO "{ReferenceCache.StampTable}" ("Id", "Stamp") VALUES (1, (random() * 9e18)::bigint);""");
            migrationBuilder.Sql($"""
                CREATE FUNCTION "ReferenceStampBump"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN {Bump} RETURN NULL; END $$;
                """);
            // Once per statement, not per row: a bulk import bumps the stamp once.
            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_ReferenceStamp" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION "ReferenceStampBump"();
                    """);
            // People change all the time (newcomers, addresses); only what a grid worker is reached by is cached.
            // A trigger's WHEN cannot hold a subquery on PostgreSQL, so the function asks.
            migrationBuilder.Sql($"""
                CREATE FUNCTION "ReferenceStampBumpWorker"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM "GridWorkers" WHERE "PersonId" = NEW."Id") THEN {Bump} END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_People_UPDATE_ReferenceStamp" AFTER UPDATE OF "Name", "Phone", "WeComUserId" ON "People"
                FOR EACH ROW EXECUTE FUNCTION "ReferenceStampBumpWorker"();
                """);

            foreach (var statement in QuartzPostgresSchema.Statements())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzPostgresSchema.Tables)
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzPostgresSchema.TablePrefix}{table};");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_People_UPDATE_ReferenceStamp" ON "People";""");
            foreach (var table in Tables)
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_ReferenceStamp" ON "{table}";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ReferenceStampBumpWorker"();""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ReferenceStampBump"();""");
            migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{ReferenceCache.StampTable}";""");
        }
    }
}
