using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CustomerServiceCursors",
                columns: table => new
                {
                    OpenKfId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Cursor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: true),
                    Token = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TokenExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    PulledAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerServiceCursors", x => x.OpenKfId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerServiceCursors");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Outbox");
        }
    }
}
