using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CheckInVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CheckIns",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "CheckIns");
        }
    }
}
