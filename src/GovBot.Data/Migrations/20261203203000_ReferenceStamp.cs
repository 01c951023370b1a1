using GovBot.Data.Reference;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <summary>
    /// A stamp that changes with every write to the reference data the chat keeps in memory (categories, compounds,
    /// buildings, micro-grids, grid workers with their names and phones), kept by triggers so that a change made by any
    /// process, or straight in the database, is seen by the next turn. Raw SQL only: the model has no entity for it.
    /// </summary>
    [DbContext(typeof(GovBotDb))]
    [Migration("20261203203000_ReferenceStamp")]
    public partial class ReferenceStamp : Migration
    {
        private static readonly string[] Tables = ["ReportCategories", "Compounds", "Buildings", "MicroGrids", "GridWorkers"];
        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE TABLE "{ReferenceCache.StampTable}" ("Id" INTEGER NOT NULL PRIMARY KEY, "Stamp" INTEGER NOT NULL);""");
            migrationBuilder.Sql($"""INSERT INTO "{ReferenceCache.StampTable}" ("Id", "Stamp") VALUES (1, random());""");
            // random(), not a counter: a change rolled back and another committed cannot end on the stamp of the first.
            const string bump = $"""UPDATE "{ReferenceCache.StampTable}" SET "Stamp" = random() WHERE "Id" = 1;""";
            foreach (var table in Tables)
                foreach (var when in Events)
                    migrationBuilder.Sql($"""CREATE TRIGGER "{Trigger(table, when)}" AFTER {when} ON "{table}" BEGIN {bump} END;""");
            // People change all the time (newcomers, addresses); only what a grid worker is reached by is cached.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{Trigger("People", "UPDATE")}" AFTER UPDATE OF "Name", "Phone", "WeComUserId" ON "People"
                WHEN EXISTS (SELECT 1 FROM "GridWorkers" WHERE "PersonId" = NEW."Id") BEGIN {bump} END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{Trigger("People", "UPDATE")}";""");
            foreach (var table in Tables)
                foreach (var when in Events)
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{Trigger(table, when)}";""");
            migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{ReferenceCache.StampTable}";""");
        }

        private static string Trigger(string table, string when) => $"TR_{table}_{when}_ReferenceStamp";
    }
}
