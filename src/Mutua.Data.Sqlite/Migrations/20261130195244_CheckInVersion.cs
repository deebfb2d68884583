using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Sqlite.Migrations
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
                type: "INTEGER",
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
