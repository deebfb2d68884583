using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IncomeTotal = table.Column<long>(type: "bigint", nullable: true),
                    SavingsBalance = table.Column<long>(type: "bigint", nullable: true),
                    Debts = table.Column<long>(type: "bigint", nullable: true),
                    HealthRating = table.Column<int>(type: "integer", nullable: true),
                    HealthNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EducationNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Housing = table.Column<int>(type: "integer", nullable: true),
                    HousingNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeadershipNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MeetingsLed = table.Column<int>(type: "integer", nullable: true),
                    NeedsMask = table.Column<int>(type: "integer", nullable: false),
                    WantsMask = table.Column<int>(type: "integer", nullable: false),
                    NeedsNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GaveHelp = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedHelp = table.Column<bool>(type: "boolean", nullable: false),
                    WhatsNew = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SharedWithGroup = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    Corrections = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    OtherHouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherDescription = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false)
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
