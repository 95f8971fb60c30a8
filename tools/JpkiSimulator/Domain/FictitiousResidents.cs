using System.Security.Cryptography;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>Made-up residents for test cards. The town 試験町 does not exist.</summary>
public static class FictitiousResidents
{
    private static readonly string[] FamilyNames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村"];
    private static readonly string[] MaleGivenNames = ["太郎", "翔太", "健一", "大輔"];
    private static readonly string[] FemaleGivenNames = ["花子", "さくら", "美咲", "陽子"];

    private static readonly DateOnly EarliestBirth = new(1940, 1, 1);
    private static readonly DateOnly LatestBirth = new(2008, 12, 31);

    public static Resident Complete(ResidentDetails? requested)
    {
        var sex = requested?.Sex ?? (RandomNumberGenerator.GetInt32(2) == 0 ? ResidentSex.Male : ResidentSex.Female);
        var givenNames = sex == ResidentSex.Male ? MaleGivenNames : FemaleGivenNames;

        var name = requested?.Name ?? $"{Pick(FamilyNames)} {Pick(givenNames)}";
        var address = requested?.Address
            ?? $"東京都千代田区試験町{Number(1, 9)}丁目{Number(1, 30)}番{Number(1, 20)}号";
        var dateOfBirth = requested?.DateOfBirth
            ?? EarliestBirth.AddDays(RandomNumberGenerator.GetInt32(LatestBirth.DayNumber - EarliestBirth.DayNumber));

        return new Resident(name, address, dateOfBirth, sex);
    }

    private static string Pick(string[] values) => values[RandomNumberGenerator.GetInt32(values.Length)];

    private static int Number(int min, int max) => RandomNumberGenerator.GetInt32(min, max + 1);
}

/// <summary>The four basic attributes (基本4情報) of a resident.</summary>
public sealed record Resident(string Name, string Address, DateOnly DateOfBirth, ResidentSex Sex);
