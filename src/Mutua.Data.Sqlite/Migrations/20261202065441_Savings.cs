using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Savings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavingsGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsGroups_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharePrice = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxSharesPerMeeting = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialFundPerMeeting = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceChargeBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceChargeBasis = table.Column<int>(type: "INTEGER", nullable: false),
                    LoanMultiple = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxLoanMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareOutSocialFund = table.Column<bool>(type: "INTEGER", nullable: false),
                    PayoutOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    CommissionBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    DividendToWinner = table.Column<bool>(type: "INTEGER", nullable: false),
                    LotterySeed = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsCycles_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAtMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsMembers_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsOfficers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsOfficers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsOfficers_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoscaTurns",
                columns: table => new
                {
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaidAtMeetingId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoscaTurns", x => new { x.CycleId, x.Round });
                    table.ForeignKey(
                        name: "FK_RoscaTurns_SavingsCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SavingsCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsFineRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsFineRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsFineRules_SavingsCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SavingsCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BoxCash = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsMeetings_SavingsCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SavingsCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsMeetings_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsAttendance",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsAttendance", x => new { x.MeetingId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_SavingsAttendance_SavingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "SavingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsDecisions_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsDecisions_SavingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "SavingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsLoans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAtMeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Principal = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceChargeBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceChargeBasis = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsLoans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsLoans_SavingsCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SavingsCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsLoans_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsLoans_SavingsMeetings_ApprovedAtMeetingId",
                        column: x => x.ApprovedAtMeetingId,
                        principalTable: "SavingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavingsEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DebitAccount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditAccount = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Shares = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReversesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsEntries_SavingsCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SavingsCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsEntries_SavingsGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SavingsGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsEntries_SavingsLoans_LoanId",
                        column: x => x.LoanId,
                        principalTable: "SavingsLoans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavingsEntries_SavingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "SavingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoscaTurns_CycleId_PersonId",
                table: "RoscaTurns",
                columns: new[] { "CycleId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsAttendance_PersonId",
                table: "SavingsAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsCycles_GroupId_ClosedAt",
                table: "SavingsCycles",
                columns: new[] { "GroupId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsCycles_GroupId_Number",
                table: "SavingsCycles",
                columns: new[] { "GroupId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsDecisions_GroupId_MeetingId",
                table: "SavingsDecisions",
                columns: new[] { "GroupId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsDecisions_MeetingId",
                table: "SavingsDecisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsDecisions_PersonId",
                table: "SavingsDecisions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_CycleId_Sequence",
                table: "SavingsEntries",
                columns: new[] { "CycleId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_GroupId_Sequence",
                table: "SavingsEntries",
                columns: new[] { "GroupId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_LoanId",
                table: "SavingsEntries",
                column: "LoanId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_MeetingId",
                table: "SavingsEntries",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_PersonId",
                table: "SavingsEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsEntries_ReversesId",
                table: "SavingsEntries",
                column: "ReversesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsFineRules_CycleId",
                table: "SavingsFineRules",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsGroups_CommunityId_Name",
                table: "SavingsGroups",
                columns: new[] { "CommunityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsLoans_ApprovedAtMeetingId",
                table: "SavingsLoans",
                column: "ApprovedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsLoans_CycleId_ApprovedOn",
                table: "SavingsLoans",
                columns: new[] { "CycleId", "ApprovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsLoans_GroupId",
                table: "SavingsLoans",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsLoans_PersonId",
                table: "SavingsLoans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsMeetings_CycleId_Date",
                table: "SavingsMeetings",
                columns: new[] { "CycleId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsMeetings_GroupId_Number",
                table: "SavingsMeetings",
                columns: new[] { "GroupId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsMeetings_GroupId_RecordedById_IdempotencyKey",
                table: "SavingsMeetings",
                columns: new[] { "GroupId", "RecordedById", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsMembers_GroupId_PersonId",
                table: "SavingsMembers",
                columns: new[] { "GroupId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsMembers_PersonId_LeftAt",
                table: "SavingsMembers",
                columns: new[] { "PersonId", "LeftAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsOfficers_GroupId_EndedAt",
                table: "SavingsOfficers",
                columns: new[] { "GroupId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsOfficers_PersonId",
                table: "SavingsOfficers",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoscaTurns");

            migrationBuilder.DropTable(
                name: "SavingsAttendance");

            migrationBuilder.DropTable(
                name: "SavingsDecisions");

            migrationBuilder.DropTable(
                name: "SavingsEntries");

            migrationBuilder.DropTable(
                name: "SavingsFineRules");

            migrationBuilder.DropTable(
                name: "SavingsMembers");

            migrationBuilder.DropTable(
                name: "SavingsOfficers");

            migrationBuilder.DropTable(
                name: "SavingsLoans");

            migrationBuilder.DropTable(
                name: "SavingsMeetings");

            migrationBuilder.DropTable(
                name: "SavingsCycles");

            migrationBuilder.DropTable(
                name: "SavingsGroups");
        }
    }
}
