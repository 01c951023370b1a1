using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_NotBefore",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_NextAttemptAt_NotBefore",
                table: "Outbox",
                columns: new[] { "Status", "NextAttemptAt", "NotBefore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_NextAttemptAt_NotBefore",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_NotBefore",
                table: "Outbox",
                columns: new[] { "Status", "NotBefore" });
        }
    }
}
