using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BuddyContactAndAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgencyAbout",
                table: "Communities",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyContact",
                table: "Communities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyName",
                table: "Communities",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BuddyAtGroupMeeting",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "BuddyPhone",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgencyAbout",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "AgencyContact",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "AgencyName",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "BuddyAtGroupMeeting",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BuddyPhone",
                table: "AspNetUsers");
        }
    }
}
