using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SavingsHelpOnTheMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavingsHelpLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SavingsGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiverHouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiverHouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsHelpLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsHelpLinks_CommunityId_Period",
                table: "SavingsHelpLinks",
                columns: new[] { "CommunityId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsHelpLinks_GiverHouseholdId",
                table: "SavingsHelpLinks",
                column: "GiverHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsHelpLinks_ReceiverHouseholdId",
                table: "SavingsHelpLinks",
                column: "ReceiverHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SavingsHelpLinks_SourceId_Kind_GiverHouseholdId_ReceiverHou~",
                table: "SavingsHelpLinks",
                columns: new[] { "SourceId", "Kind", "GiverHouseholdId", "ReceiverHouseholdId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavingsHelpLinks");
        }
    }
}
