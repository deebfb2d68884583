using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DisclosureControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Months kept under the old rules (nearest-rank quartiles, no complementary suppression) leak
            // individual figures and are in the old shape: each is published again under the new rules.
            migrationBuilder.Sql("DELETE FROM \"InsightsSnapshots\";");

            migrationBuilder.DropColumn(
                name: "Stale",
                table: "InsightsSnapshots");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "InsightsSnapshots");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Stale",
                table: "InsightsSnapshots",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "InsightsSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
