using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Trust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Months kept under the old rules (nearest-rank quartiles, no complementary suppression) leak
            // individual figures and are in the old shape: each is published again under the disclosure rules.
            migrationBuilder.Sql("DELETE FROM \"InsightsSnapshots\";");

            migrationBuilder.DropForeignKey(
                name: "FK_Pledges_AspNetUsers_PersonId",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "Stale",
                table: "InsightsSnapshots");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "InsightsSnapshots");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Pledges",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "NameOnMap",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PseudonymKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PseudonymKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Device = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefreshGeneration = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInSessions_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_PersonId",
                table: "SignInSessions",
                column: "PersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_Pledges_AspNetUsers_PersonId",
                table: "Pledges",
                column: "PersonId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Pledges_AspNetUsers_PersonId",
                table: "Pledges");

            migrationBuilder.DropTable(
                name: "PseudonymKeys");

            migrationBuilder.DropTable(
                name: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "NameOnMap",
                table: "Households");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Pledges",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Stale",
                table: "InsightsSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "InsightsSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddForeignKey(
                name: "FK_Pledges_AspNetUsers_PersonId",
                table: "Pledges",
                column: "PersonId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
