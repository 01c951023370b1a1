using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServicePlansChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "ServiceSlots",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "ServiceEvents",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "ServiceSlots");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "ServiceEvents");
        }
    }
}
