using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerServiceKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerServiceKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartyOrganisationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredById = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkUnits_People_RegisteredById",
                        column: x => x.RegisteredById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PartyOrganisationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", nullable: true),
                    Room = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", nullable: true),
                    CompoundBranchId = table.Column<int>(type: "INTEGER", nullable: true),
                    GridGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CheckIns_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckIns_Compounds_CompoundId",
                        column: x => x.CompoundId,
                        principalTable: "Compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_PartyOrganisations_CompoundBranchId",
                        column: x => x.CompoundBranchId,
                        principalTable: "PartyOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CheckIns_PartyOrganisations_GridGroupId",
                        column: x => x.GridGroupId,
                        principalTable: "PartyOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CheckIns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_People_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CheckIns_WorkUnits_WorkUnitId",
                        column: x => x.WorkUnitId,
                        principalTable: "WorkUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UnitPairings",
                columns: table => new
                {
                    WorkUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitPairings", x => new { x.WorkUnitId, x.CompoundId });
                    table.ForeignKey(
                        name: "FK_UnitPairings_Compounds_CompoundId",
                        column: x => x.CompoundId,
                        principalTable: "Compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitPairings_WorkUnits_WorkUnitId",
                        column: x => x.WorkUnitId,
                        principalTable: "WorkUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckInEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInEvents_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckInEvents_People_ActorId",
                        column: x => x.ActorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInEvents_ActorId",
                table: "CheckInEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInEvents_CheckInId_At",
                table: "CheckInEvents",
                columns: new[] { "CheckInId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_BuildingId",
                table: "CheckIns",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CommunityId_Status_Kind",
                table: "CheckIns",
                columns: new[] { "CommunityId", "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CompoundBranchId",
                table: "CheckIns",
                column: "CompoundBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CompoundId",
                table: "CheckIns",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_GridGroupId",
                table: "CheckIns",
                column: "GridGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PersonId_Active",
                table: "CheckIns",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" <> 4");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ReviewedById",
                table: "CheckIns",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_WorkUnitId",
                table: "CheckIns",
                column: "WorkUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitPairings_CompoundId",
                table: "UnitPairings",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerServiceKinds_Name",
                table: "VolunteerServiceKinds",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkUnits_Name",
                table: "WorkUnits",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkUnits_RegisteredById",
                table: "WorkUnits",
                column: "RegisteredById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInEvents");

            migrationBuilder.DropTable(
                name: "UnitPairings");

            migrationBuilder.DropTable(
                name: "VolunteerServiceKinds");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "WorkUnits");
        }
    }
}
