using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerServiceChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CustomerServiceCursors",
                columns: table => new
                {
                    OpenKfId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PulledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerServiceCursors", x => x.OpenKfId);
                });

            migrationBuilder.CreateTable(
                name: "CustomerServiceLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenKfId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scene = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerServiceLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerServiceLinks_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomerServiceLinks_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerServiceLinks_Community",
                table: "CustomerServiceLinks",
                columns: new[] { "OpenKfId", "CommunityId" },
                unique: true,
                filter: "\"GridId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerServiceLinks_CommunityId",
                table: "CustomerServiceLinks",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerServiceLinks_GridId",
                table: "CustomerServiceLinks",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerServiceLinks_OpenKfId_CommunityId_GridId",
                table: "CustomerServiceLinks",
                columns: new[] { "OpenKfId", "CommunityId", "GridId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerServiceLinks_Scene",
                table: "CustomerServiceLinks",
                column: "Scene",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerServiceCursors");

            migrationBuilder.DropTable(
                name: "CustomerServiceLinks");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Outbox");
        }
    }
}
