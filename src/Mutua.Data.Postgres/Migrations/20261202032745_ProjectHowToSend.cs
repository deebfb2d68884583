using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectHowToSend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HowToSend",
                table: "Projects",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HowToSend",
                table: "Projects");
        }
    }
}
