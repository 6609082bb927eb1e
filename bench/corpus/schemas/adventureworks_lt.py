"""AdventureWorksLT (Microsoft's small SQL Server sample): SalesLT schema and dbo tables.

SQL Server types mapped: nvarchar -> Unicode, money -> NUMERIC(19,4), uniqueidentifier ->
UUID (CHAR(32) where there is no native type), varbinary(max) -> BLOB/BYTEA, XML -> TEXT,
the computed columns (SalesOrderNumber, TotalDue, LineTotal) as plain columns.
Table names keep the schema as a prefix (``SalesLT_Customer``).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table

SOURCE = {"repo": "microsoft/sql-server-samples (AdventureWorksLT 2012 OLTP script)",
          "path": "instawltdb.sql (stored copy; the repository's current tree keeps only "
                  "samples/databases/adventure-works/oltp-install-script/instawdb.sql)",
          "commit": "file id 9773166624 in the search index; sql-server-samples at "
                    "1346b94fab23bfa7edfdb32afae52282ddc3bfaa"}
PERSON_TABLES = ("SalesLT_Customer",)

I = sa.Integer  # noqa: E741
U = sa.Unicode
DT = sa.DateTime
MONEY = sa.Numeric(19, 4)
NAME = sa.Unicode(50)


def _salesperson(ctx):  # type: ignore[no-untyped-def]
    return "adventure-works\\" + ctx.rng.choice(["pamela0", "david8", "jillian0", "garrett1",
                                                  "jae0", "linda3", "josé1", "shu0", "michael9"])


def _catalog(ctx):  # type: ignore[no-untyped-def]
    return ('<p1:ProductDescription xmlns:p1="http://schemas.microsoft.com/sqlserver/2004/07/'
            'adventure-works/ProductModelDescription"><p1:Summary>'
            f'{G["lorem"](ctx)}</p1:Summary><p1:Manufacturer><p1:Name>AdventureWorks'
            '</p1:Name></p1:Manufacturer></p1:ProductDescription>')


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "dbo_BuildVersion", 1,
          col("SystemInformationID", sa.SmallInteger, "seq"),
          col("Database Version", U(25), "const", value="10.00.80404.00"),
          col("VersionDate", DT), col("ModifiedDate", DT))
    table(md, "dbo_ErrorLog", 40,
          col("ErrorLogID", I, pk=True, auto=True),
          col("ErrorTime", DT),
          col("UserName", U(128), lambda c: c.rng.choice(["dbo", "sa",
                                                          "AW\\" + c.person["username"]])),
          col("ErrorNumber", I, "choice", values=[547, 2627, 515, 8152]),
          col("ErrorSeverity", I, "choice", null=0.1, values=[14, 16]),
          col("ErrorState", I, "int", null=0.1, hi=2),
          col("ErrorProcedure", U(126), "choice", null=0.3, values=["uspUpdateCustomer",
                                                                    "uspLogError"]),
          col("ErrorLine", I, "int", null=0.2, hi=300),
          col("ErrorMessage", U(4000), "template", texts=[
              "The INSERT statement conflicted with the FOREIGN KEY constraint.",
              "Violation of UNIQUE KEY constraint 'AK_Customer_rowguid'.",
              "Cannot insert the value NULL into column 'EmailAddress'.",
              "String or binary data would be truncated: value '{email}'."]))
    table(md, "SalesLT_Address", 450,
          col("AddressID", I, pk=True, auto=True),
          col("AddressLine1", U(60), "street"),
          col("AddressLine2", U(60), "choice", null=0.85, values=["Suite 200", "PO Box 12",
                                                                  "Floor 3"]),
          col("City", U(30), "city"),
          col("StateProvince", NAME, "state"),
          col("CountryRegion", NAME, "choice", values=["United States", "Canada",
                                                       "United Kingdom", "Germany", "France"]),
          col("PostalCode", U(15), "postcode"),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_Customer", 450,
          col("CustomerID", I, pk=True, auto=True),
          col("NameStyle", sa.Boolean, "const", value=False),
          col("Title", U(8), "choice", null=0.5, values=["Mr.", "Ms.", "Sr.", "Sra.", "Mrs."]),
          col("FirstName", NAME, "first_name"),
          col("MiddleName", NAME, lambda c: c.person["middle"][:1] + "." if c.person["middle"]
              else c.person["f"].first_name(), null=0.6),
          col("LastName", NAME, "last_name"),
          col("Suffix", U(10), "choice", null=0.97, values=["Jr.", "Sr.", "II", "PhD"]),
          col("CompanyName", U(128), "company", null=0.02),
          col("SalesPerson", U(256), _salesperson, null=0.01),
          col("EmailAddress", U(50), lambda c: f"{c.person['username']}@adventure-works.com",
              null=0.01),
          col("Phone", U(25), lambda c: f"{c.rng.randint(200, 999)}-555-0{c.rng.randint(100, 199)}"
              if c.rng.random() < 0.6 else f"1 (11) 500 555-0{c.rng.randint(100, 199)}",
              null=0.01),
          col("PasswordHash", sa.String(128), "password_hash", style="sha512"),
          col("PasswordSalt", sa.String(10), lambda c: G["token"](c) + "=", n=7, style="b64"),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_CustomerAddress", 420,
          col("CustomerID", I, fk="SalesLT_Customer.CustomerID", pk=True),
          col("AddressID", I, fk="SalesLT_Address.AddressID", pk=True),
          col("AddressType", NAME, "choice", values=["Main Office", "Shipping"]),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_ProductCategory", 41,
          col("ProductCategoryID", I, pk=True, auto=True),
          col("ParentProductCategoryID", I, fk="SalesLT_ProductCategory.ProductCategoryID",
              null=0.1),
          col("Name", NAME, lambda c: ["Bikes", "Components", "Clothing", "Accessories",
                                       "Mountain Bikes", "Road Bikes", "Touring Bikes",
                                       "Handlebars", "Bottom Brackets", "Brakes", "Chains",
                                       "Cranksets", "Derailleurs", "Forks", "Headsets",
                                       "Mountain Frames", "Pedals", "Road Frames", "Saddles",
                                       "Touring Frames", "Wheels", "Bib-Shorts", "Caps",
                                       "Gloves", "Jerseys", "Shorts", "Socks", "Tights",
                                       "Vests", "Bike Racks", "Bike Stands", "Bottles and Cages",
                                       "Cleaners", "Fenders", "Helmets", "Hydration Packs",
                                       "Lights", "Locks", "Panniers", "Pumps",
                                       "Tires and Tubes"][c.index], unique=True),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_ProductModel", 120,
          col("ProductModelID", I, pk=True, auto=True),
          col("Name", NAME, "product_name", unique=True),
          col("CatalogDescription", sa.Text, _catalog, null=0.9),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_ProductDescription", 300,
          col("ProductDescriptionID", I, pk=True, auto=True),
          col("Description", U(400), lambda c: c.fakers[c.rng.choice(
              ["en_US", "fr_FR", "zh_CN", "ja_JP", "ru_RU"])]
              .sentence(nb_words=10)),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_ProductModelProductDescription", 350,
          col("ProductModelID", I, fk="SalesLT_ProductModel.ProductModelID", pk=True),
          col("ProductDescriptionID", I, fk="SalesLT_ProductDescription.ProductDescriptionID",
              pk=True),
          col("Culture", sa.NCHAR(6), "choice", pk=True, values=["en    ", "fr    ", "zh-cht",
                                                                 "ar    ", "he    ", "th    "]),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_Product", 300,
          col("ProductID", I, pk=True, auto=True),
          col("Name", NAME, "product_name", unique=True),
          col("ProductNumber", U(25), lambda c: f"{c.rng.choice(['FR', 'BK', 'HL', 'SO', 'GL'])}-"
              f"{c.rng.choice('RMT')}{c.rng.randint(10, 99)}{c.rng.choice('BRSY')}-"
              f"{c.rng.randint(38, 62)}", unique=True),
          col("Color", U(15), "color", null=0.2),
          col("StandardCost", MONEY, "money", hi=2000),
          col("ListPrice", MONEY, "money", hi=3500),
          col("Size", U(5), "choice", null=0.4, values=["S", "M", "L", "XL", "44", "48", "52"]),
          col("Weight", sa.Numeric(8, 2), "money", null=0.5, lo=100, hi=14000),
          col("ProductCategoryID", I, fk="SalesLT_ProductCategory.ProductCategoryID", null=0.01),
          col("ProductModelID", I, fk="SalesLT_ProductModel.ProductModelID", null=0.01),
          col("SellStartDate", DT),
          col("SellEndDate", DT, null=0.7),
          col("DiscontinuedDate", DT, null=0.98),
          col("ThumbNailPhoto", sa.LargeBinary, "image", null=0.02),
          col("ThumbnailPhotoFileName", U(50), lambda c: c.rng.choice(
              ["frame", "racer", "hotrodbike", "no_image_available"]) + "_small.gif",
              null=0.02),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_SalesOrderHeader", 300,
          col("SalesOrderID", I, pk=True, auto=True),
          col("RevisionNumber", sa.SmallInteger, "int", lo=1, hi=3),
          col("OrderDate", DT), col("DueDate", DT), col("ShipDate", DT, null=0.1),
          col("Status", sa.SmallInteger, "int", lo=1, hi=5),
          col("OnlineOrderFlag", sa.Boolean),
          col("SalesOrderNumber", U(25), lambda c: f"SO{71770 + c.index}"),
          col("PurchaseOrderNumber", U(25), lambda c: f"PO{c.rng.randint(10**9, 10**12)}",
              null=0.1),
          col("AccountNumber", U(15), lambda c: f"10-4020-{c.rng.randint(0, 999999):06d}",
              null=0.05),
          col("CustomerID", I, fk="SalesLT_Customer.CustomerID"),
          col("ShipToAddressID", I, fk="SalesLT_Address.AddressID", null=0.02),
          col("BillToAddressID", I, fk="SalesLT_Address.AddressID", null=0.02),
          col("ShipMethod", U(50), "choice", values=["CARGO TRANSPORT 5", "OVERNIGHT J-FAST",
                                                     "ZY - EXPRESS"]),
          col("CreditCardApprovalCode", sa.String(15), "approval_code", null=0.4),
          col("SubTotal", MONEY, "money", hi=100000),
          col("TaxAmt", MONEY, "money", hi=9000),
          col("Freight", MONEY, "money", hi=3000),
          col("TotalDue", MONEY, "money", hi=110000),
          col("Comment", sa.UnicodeText, "template", null=0.85, texts=[
              "Deliver to loading dock B", "Call {first} {last} on {phone} before delivery",
              "Gift wrap"]),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    table(md, "SalesLT_SalesOrderDetail", 900,
          col("SalesOrderID", I, fk="SalesLT_SalesOrderHeader.SalesOrderID", pk=True),
          col("SalesOrderDetailID", I, "seq", pk=True),
          col("OrderQty", sa.SmallInteger, "int", lo=1, hi=25),
          col("ProductID", I, fk="SalesLT_Product.ProductID"),
          col("UnitPrice", MONEY, "money", hi=3500),
          col("UnitPriceDiscount", MONEY, "choice", values=[0, 0, 0, 0.02, 0.05, 0.1]),
          col("LineTotal", sa.Numeric(38, 6), "money", hi=50000),
          col("rowguid", sa.Uuid, "uuid", unique=True),
          col("ModifiedDate", DT))
    return md
