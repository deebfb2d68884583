using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InsightsSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightsSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightsSnapshots_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsightsSnapshots_CommunityId",
                table: "InsightsSnapshots",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightsSnapshots_Scope_Period",
                table: "InsightsSnapshots",
                columns: new[] { "Scope", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightsSnapshots");
        }
    }
}
