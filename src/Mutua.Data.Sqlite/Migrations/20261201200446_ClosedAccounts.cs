using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClosedAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Pledges_AspNetUsers_PersonId",
                table: "Pledges");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Pledges",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

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

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Pledges",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

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
