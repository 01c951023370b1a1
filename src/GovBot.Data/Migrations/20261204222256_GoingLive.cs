using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class GoingLive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "WorkUnits",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Towns",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "ServiceStations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "PropertyManagers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeftAt",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "MicroGrids",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Grids",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WeComDepartmentId",
                table: "Grids",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Counties",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Compounds",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Communities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WeComDepartmentId",
                table: "Communities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Units",
                table: "Buildings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorWeComUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoreFacts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreFacts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkUnits_Code",
                table: "WorkUnits",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Towns_Code",
                table: "Towns",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStations_Code",
                table: "ServiceStations",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PropertyManagers_Code",
                table: "PropertyManagers",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MicroGrids_Code",
                table: "MicroGrids",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Grids_Code",
                table: "Grids",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Grids_WeComDepartmentId",
                table: "Grids",
                column: "WeComDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_Code",
                table: "Counties",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Compounds_Code",
                table: "Compounds",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communities_Code",
                table: "Communities",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communities_WeComDepartmentId",
                table: "Communities",
                column: "WeComDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_At",
                table: "ImportRecords",
                column: "At");

            // A store seeded before this migration holds the demo county without saying so: mark it, so that real
            // mode refuses it like a store seeded today (the demo county admin with the demo name gives it away).
            migrationBuilder.Sql("""
                INSERT INTO "StoreFacts" ("Key", "Value", "RecordedAt")
                SELECT 'demo-county', '清徐县、襄垣县（演示，虚构人员）', (CAST(strftime('%s','now') AS INTEGER) * 10000000) + 621355968000000000
                WHERE EXISTS (SELECT 1 FROM "People" WHERE "WeComUserId" = 'baiyunfei' AND "Name" = '白云飞');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRecords");

            migrationBuilder.DropTable(
                name: "StoreFacts");

            migrationBuilder.DropIndex(
                name: "IX_WorkUnits_Code",
                table: "WorkUnits");

            migrationBuilder.DropIndex(
                name: "IX_Towns_Code",
                table: "Towns");

            migrationBuilder.DropIndex(
                name: "IX_ServiceStations_Code",
                table: "ServiceStations");

            migrationBuilder.DropIndex(
                name: "IX_PropertyManagers_Code",
                table: "PropertyManagers");

            migrationBuilder.DropIndex(
                name: "IX_MicroGrids_Code",
                table: "MicroGrids");

            migrationBuilder.DropIndex(
                name: "IX_Grids_Code",
                table: "Grids");

            migrationBuilder.DropIndex(
                name: "IX_Grids_WeComDepartmentId",
                table: "Grids");

            migrationBuilder.DropIndex(
                name: "IX_Counties_Code",
                table: "Counties");

            migrationBuilder.DropIndex(
                name: "IX_Compounds_Code",
                table: "Compounds");

            migrationBuilder.DropIndex(
                name: "IX_Communities_Code",
                table: "Communities");

            migrationBuilder.DropIndex(
                name: "IX_Communities_WeComDepartmentId",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "WorkUnits");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Towns");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "ServiceStations");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "PropertyManagers");

            migrationBuilder.DropColumn(
                name: "LeftAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "MicroGrids");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "WeComDepartmentId",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "WeComDepartmentId",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "Units",
                table: "Buildings");
        }
    }
}
