using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IncomeTotal = table.Column<long>(type: "INTEGER", nullable: true),
                    SavingsBalance = table.Column<long>(type: "INTEGER", nullable: true),
                    Debts = table.Column<long>(type: "INTEGER", nullable: true),
                    HealthRating = table.Column<int>(type: "INTEGER", nullable: true),
                    HealthNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EducationNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Housing = table.Column<int>(type: "INTEGER", nullable: true),
                    HousingNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeadershipNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MeetingsLed = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedsMask = table.Column<int>(type: "INTEGER", nullable: false),
                    WantsMask = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GaveHelp = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedHelp = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhatsNew = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SharedWithGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Corrections = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckInCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInCorrections_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpExchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherHouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OtherDescription = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpExchanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpExchanges_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpExchanges_Households_OtherHouseholdId",
                        column: x => x.OtherHouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IncomeLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomeLines_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalProgress_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalProgress_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInCorrections_CheckInId",
                table: "CheckInCorrections",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CommunityId_Period",
                table: "CheckIns",
                columns: new[] { "CommunityId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_GroupId_Period",
                table: "CheckIns",
                columns: new[] { "GroupId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_HouseholdId_Period",
                table: "CheckIns",
                columns: new[] { "HouseholdId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalProgress_CheckInId",
                table: "GoalProgress",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalProgress_GoalId",
                table: "GoalProgress",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_HouseholdId",
                table: "Goals",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpExchanges_CheckInId",
                table: "HelpExchanges",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpExchanges_OtherHouseholdId",
                table: "HelpExchanges",
                column: "OtherHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeLines_CheckInId",
                table: "IncomeLines",
                column: "CheckInId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInCorrections");

            migrationBuilder.DropTable(
                name: "GoalProgress");

            migrationBuilder.DropTable(
                name: "HelpExchanges");

            migrationBuilder.DropTable(
                name: "IncomeLines");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "CheckIns");
        }
    }
}
