using GovBot.Data.Scheduling;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <summary>The reminders' Quartz job store (QRTZ_* tables) and the scheduler lease; no change to GovBot's own model.</summary>
    [DbContext(typeof(GovBotDb))]
    [Migration("20261123123000_Reminders")]
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Statements())
                migrationBuilder.Sql(statement);
            migrationBuilder.Sql(QuartzSchema.CreateLeaseTable);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table};");
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.LeaseTable};");
        }
    }
}
