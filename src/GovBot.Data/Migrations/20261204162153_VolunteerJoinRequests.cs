using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class VolunteerJoinRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadPersonId",
                table: "VolunteerTeams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Services",
                table: "VolunteerTeamMembers",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "VolunteerJoinRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<int>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerJoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerJoinRequests_People_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VolunteerJoinRequests_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerJoinRequests_VolunteerTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "VolunteerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTeams_LeadPersonId",
                table: "VolunteerTeams",
                column: "LeadPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerJoinRequests_DecidedById",
                table: "VolunteerJoinRequests",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerJoinRequests_Open",
                table: "VolunteerJoinRequests",
                columns: new[] { "TeamId", "PersonId" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerJoinRequests_PersonId",
                table: "VolunteerJoinRequests",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerJoinRequests_Status_TeamId",
                table: "VolunteerJoinRequests",
                columns: new[] { "Status", "TeamId" });

            migrationBuilder.AddForeignKey(
                name: "FK_VolunteerTeams_People_LeadPersonId",
                table: "VolunteerTeams",
                column: "LeadPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VolunteerTeams_People_LeadPersonId",
                table: "VolunteerTeams");

            migrationBuilder.DropTable(
                name: "VolunteerJoinRequests");

            migrationBuilder.DropIndex(
                name: "IX_VolunteerTeams_LeadPersonId",
                table: "VolunteerTeams");

            migrationBuilder.DropColumn(
                name: "LeadPersonId",
                table: "VolunteerTeams");

            migrationBuilder.DropColumn(
                name: "Services",
                table: "VolunteerTeamMembers");
        }
    }
}
