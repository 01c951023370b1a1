using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeachingAndTraceContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceContext",
                table: "Outbox",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraceContext",
                table: "Inbox",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearnedPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LabelledById = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnedPhrases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MissedMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissedMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearnedPhrases_Key",
                table: "LearnedPhrases",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MissedMessages_At",
                table: "MissedMessages",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MissedMessages_Status_CommunityId",
                table: "MissedMessages",
                columns: new[] { "Status", "CommunityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearnedPhrases");

            migrationBuilder.DropTable(
                name: "MissedMessages");

            migrationBuilder.DropColumn(
                name: "TraceContext",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "TraceContext",
                table: "Inbox");
        }
    }
}
