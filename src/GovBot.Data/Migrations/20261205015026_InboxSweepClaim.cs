using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxSweepClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SweptUntil",
                table: "Inbox",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SweptUntil",
                table: "Inbox");
        }
    }
}
