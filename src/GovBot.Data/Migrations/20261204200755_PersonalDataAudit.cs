using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalDataAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorWeComUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAudit_SubjectPersonId",
                table: "PersonalDataAudit",
                column: "SubjectPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalDataAudit");
        }
    }
}
