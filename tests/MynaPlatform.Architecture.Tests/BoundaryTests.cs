using System.Text.RegularExpressions;
using System.Xml.Linq;
using MynaPlatform.Contracts.Access;
using Xunit;

namespace MynaPlatform.Architecture.Tests;

public sealed partial class BoundaryTests
{
    private static readonly string[] InfrastructureNamespaces =
        ["Microsoft.AspNetCore", "MassTransit", "MongoDB", "Microsoft.Data.Sqlite", "Grpc", "Microsoft.EntityFrameworkCore"];

    [Fact]
    public void DomainCode_UsesNoInfrastructure()
    {
        var domainFiles = RepositoryFiles.Find("*.cs")
            .Where(path => RepositoryFiles.Relative(path).Split(Path.DirectorySeparatorChar)
                .Any(part => part == "Domain" || part.EndsWith(".Domain", StringComparison.Ordinal)));

        var violations = domainFiles
            .SelectMany(path => File.ReadLines(path)
                .Where(line => line.StartsWith("using ", StringComparison.Ordinal)
                    && InfrastructureNamespaces.Any(ns => line.Contains(ns, StringComparison.Ordinal)))
                .Select(line => $"{RepositoryFiles.Relative(path)}: {line}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void ProtoFiles_EachExistOnce()
    {
        var duplicates = RepositoryFiles.Find("*.proto")
            .GroupBy(Path.GetFileName)
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(", ", group.Select(RepositoryFiles.Relative)));

        Assert.Empty(duplicates);
    }

    [Fact]
    public void ProtoClients_IncludeServerFileByPath()
    {
        var violations = new List<string>();
        foreach (var project in RepositoryFiles.Find("*.csproj"))
        {
            var projectDirectory = Path.GetDirectoryName(project)!;
            foreach (var protobuf in XDocument.Load(project).Descendants("Protobuf"))
            {
                var include = Path.GetFullPath(Path.Combine(projectDirectory, (string?)protobuf.Attribute("Include") ?? ""));
                var isClient = (string?)protobuf.Attribute("GrpcServices") == "Client";
                var isOwnFile = include.StartsWith(projectDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (isClient == isOwnFile)
                {
                    violations.Add($"{RepositoryFiles.Relative(project)}: {(string?)protobuf.Attribute("Include")} ({(isClient ? "client of its own file" : "server of another project's file")})");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void ContractTypes_AreDefinedOnlyInContracts()
    {
        var contractNames = typeof(PersonDataAccessed).Assembly.GetExportedTypes().Select(type => type.Name).ToHashSet();
        var contractsFolder = Path.Combine("services", "Contracts") + Path.DirectorySeparatorChar;

        var copies = RepositoryFiles.Find("*.cs")
            .Where(path => !RepositoryFiles.Relative(path).StartsWith(contractsFolder, StringComparison.Ordinal))
            .SelectMany(path => TypeDeclaration().Matches(File.ReadAllText(path))
                .Select(match => match.Groups["name"].Value)
                .Where(contractNames.Contains)
                .Select(name => $"{RepositoryFiles.Relative(path)} declares {name}"))
            .ToList();

        Assert.Empty(copies);
    }

    [Fact]
    public void ServiceDefaults_ReferencesNoStorageOrMessaging()
    {
        var project = Path.Combine(RepositoryFiles.Root, "ServiceDefaults", "MynaPlatform.ServiceDefaults.csproj");
        var references = XDocument.Load(project).Descendants()
            .Where(element => element.Name.LocalName is "ProjectReference" or "PackageReference")
            .Select(element => (string?)element.Attribute("Include") ?? "");

        Assert.DoesNotContain(references, reference =>
            reference.Contains("Storage", StringComparison.Ordinal)
            || reference.Contains("Messaging", StringComparison.Ordinal)
            || reference.Contains("MassTransit", StringComparison.Ordinal)
            || reference.Contains("MongoDB", StringComparison.Ordinal)
            || reference.Contains("Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgramFiles_StayTableOfContents()
    {
        const int MaxLines = 40;
        var longPrograms = RepositoryFiles.Find("Program.cs")
            .Where(path => !RepositoryFiles.Relative(path).StartsWith("tests", StringComparison.Ordinal))
            .Select(path => (Path: RepositoryFiles.Relative(path), Lines: File.ReadAllLines(path).Length))
            .Where(program => program.Lines > MaxLines)
            .Select(program => $"{program.Path}: {program.Lines} lines");

        Assert.Empty(longPrograms);
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z][A-Za-z0-9_]*)")]
    private static partial Regex TypeDeclaration();
}
